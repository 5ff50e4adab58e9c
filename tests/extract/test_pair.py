import pytest

from bilat.errors import SourceError
from bilat.extract.pair import pair_from_title


@pytest.mark.parametrize("title, pair", [
    ("Norway–Russia relations", ("NOR", "RUS")),
    ("Norway-Russia relations", ("NOR", "RUS")),
    ("Canada and the United States relations", ("CAN", "USA")),
    ("Germany–United States relations", ("DEU", "USA")),
    ("Relations between Chile and Peru", ("CHL", "PER")),
    ("Guinea-Bissau–Portugal relations", ("GNB", "PRT")),
    ("Bosnia and Herzegovina–Serbia relations", ("BIH", "SRB")),
    ("Finland–Soviet Union relations", ("FIN", "RUS")),
])
def test_title_forms(title, pair):
    assert pair_from_title(title) == pair


@pytest.mark.parametrize("title", ["Cats and dogs", "Norway–Atlantis relations", "Norway–Norway relations"])
def test_unknown_pair_is_an_error_naming_the_title(title):
    with pytest.raises(SourceError) as e:
        pair_from_title(title, "x.txt")
    assert "x.txt" in str(e.value) and title in str(e.value)
