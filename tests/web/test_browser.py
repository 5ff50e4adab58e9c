"""The pages in headless Chromium: timeline, map, chart, evidence, as-of, filters."""
from __future__ import annotations

import time


def event_with(page, words):
    """The id of the first non-fictional event whose evidence has `words`."""
    return page.evaluate("""w => JSON.parse(document.getElementById('pair-data').textContent).events
        .find(e => !e.fictional && e.evidence.some(v => v.text.includes(w))).id""", words)


def server_json(page, server, path):
    """What the API answers (asked outside the page)."""
    r = page.request.get(server.url + path)
    assert r.ok, r.text()
    return r.json()


def zoom_at(page, mark, steps=12):
    """Zoom the timeline in around a mark with the mouse wheel, as a reader would."""
    mark.scroll_into_view_if_needed()
    for _ in range(steps):
        box = mark.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(30)


def open_pair(page, server, path="/pairs/NOR/RUS"):
    page.goto(server.url + path)
    page.locator("html[data-ready]").wait_for(state="attached", timeout=10000)
    page.locator("html[data-map-ready]").wait_for(state="attached", timeout=10000)


def test_pair_page_draws_and_shows_evidence(page, server, shots):
    open_pair(page, server)
    marks = page.locator("#timeline .mark[data-event-id]")
    assert marks.count() >= 15
    visible = page.locator("#timeline .mark[data-event-id]:not(.off)")
    assert 0 < visible.count() < marks.count()            # the fictional event is hidden
    assert page.locator("#chart rect.coop").count() > 0
    assert page.locator("#pairmap path.country.a").count() == 1
    assert page.locator("#pairmap path.country.b").count() == 1
    assert page.locator("#pairmap .point.mission").count() >= 4
    assert "Oslo" in page.locator("#pairmap").text_content()

    # click the mark of the expulsion of three Norwegian diplomats
    event_id = event_with(page, "three Russian diplomats")
    mark = page.locator(f'#timeline .mark[data-event-id="{event_id}"]')
    zoom_at(page, mark)
    mark.click()
    # the sentence highlighted inside the whole text of its section, fetched on the click
    box = page.locator('#evidence .context[data-context="section"]').first
    box.wait_for()
    mark = box.locator("mark")
    assert mark.count() == 1 and "three Russian diplomats" in mark.inner_text()
    ctx = server_json(page, server, f"/api/pairs/NOR/RUS/events/{event_id}/evidence")["evidence"][0]["context"]
    shown = box.text_content()
    assert shown == ctx["text"] and len(shown) > len(mark.inner_text()) + 100
    assert shown.index(mark.text_content()) == len(ctx["text"][:ctx["start"]])     # at its place
    assert box.locator(".gap").count() == 0          # the section, not sentences with gaps
    assert page.locator("#evidence p.section").first.inner_text() == ctx["section"]
    link = page.locator("#evidence a.source-link").first
    assert link.get_attribute("href").startswith("https://en.wikipedia.org/wiki/Norway%E2%80%93Russia_relations")
    assert page.locator(f'#events tr.selected[data-event-id="{event_id}"]').count() == 1
    page.screenshot(path=str(shots / "pair-norway-russia.png"), full_page=True)
    assert (shots / "pair-norway-russia.png").stat().st_size > 10000
    assert page.errors == [] and page.outside == []


def test_fictional_events_shown_only_when_asked(page, server):
    open_pair(page, server)
    hidden = page.locator("#timeline .mark.fictional.off").count()
    assert hidden >= 1
    page.check("#show-fictional")
    assert page.locator("#timeline .mark.fictional.off").count() == 0
    assert page.locator("#events tr[data-fictional]:not([hidden])").count() == hidden


def test_timeline_zooms_and_pans(page, server):
    open_pair(page, server)
    page.click("#zoom-reset")            # "All time" (the page opens on the years most events are in)
    page.wait_for_timeout(500)
    axis = page.locator("#timeline .axis").text_content()
    assert "1000" in axis
    page.locator("#timeline svg").scroll_into_view_if_needed()
    box = page.locator("#timeline svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] - 60, box["y"] + box["height"] / 2)
    for _ in range(6):
        page.mouse.wheel(0, -400)
        time.sleep(0.05)
    zoomed = page.locator("#timeline .axis").text_content()
    assert zoomed != axis
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    assert page.locator("#timeline .axis").text_content() != zoomed
    page.click("#zoom-reset")
    page.wait_for_timeout(500)
    assert page.locator("#timeline .axis").text_content() == axis


def test_table_filters(page, server):
    open_pair(page, server)
    total = page.locator("#events tbody tr[data-event-id]:not([hidden])").count()
    page.select_option("#type-filter", "SANCTION")
    rows = page.locator("#events tbody tr[data-event-id]:not([hidden])")
    assert 0 < rows.count() < total
    assert all(t == "SANCTION" for t in rows.evaluate_all("rs => rs.map(r => r.dataset.type)"))
    page.select_option("#type-filter", "")
    page.fill("#from-filter", "2020")
    los = page.locator("#events tbody tr[data-event-id]:not([hidden])").evaluate_all(
        "rs => rs.map(r => r.dataset.hi)")
    assert los and all(x >= "2020-01-01" for x in los)


def test_asof_control(page, server):
    open_pair(page, server)
    page.fill("#asof-date", "1950")
    page.click("#asof-form button[type=submit]")
    page.locator("#asof-state", has_text="On 1950-12-31").wait_for()
    assert "established (1905-10-30)" in page.inner_text("#asof-state")
    assert page.locator("#timeline .asof-line").get_attribute("style") in (None, "")
    assert page.locator("#events tr.after").count() > 0
    assert "asof=1950" in page.url
    page.fill("#asof-date", "2022-02-30")
    page.click("#asof-form button[type=submit]")
    page.locator("#asof-state .bad").wait_for()


def test_article_markup_stays_inert(page, server):
    page.add_init_script("window.__xss = false; window.alert = function () { window.__xss = true; };")
    open_pair(page, server, "/pairs/ISL/MLT")
    event_id = event_with(page, "diplomats")
    page.locator(f'#events tr[data-event-id="{event_id}"]').click()
    page.locator('#evidence .context[data-context="section"] mark').wait_for()
    # the whole sentence, exactly: offsets count code points, and the section has some outside the BMP
    sentence = page.evaluate("""id => JSON.parse(document.getElementById('pair-data').textContent).events
        .find(e => e.id === id).evidence[0].text""", event_id)
    assert page.locator("#evidence mark").text_content() == sentence
    assert "🐟 under the 𝔐altese" in page.inner_text("#evidence .context")
    assert '<script>alert("x")</script>' in page.inner_text("#evidence mark")
    assert "<b>in bold</b> & more" in page.inner_text("#evidence .context")     # the section around it, as text
    assert page.locator("#evidence script, #evidence b").count() == 0
    assert page.evaluate("() => window.__xss") is False
    assert page.errors == []


def test_two_hundred_events_interactive(page, server):
    # how fast it becomes interactive is measured by bench/page_bench.py, not timed here
    page.goto(server.url + "/pairs/CHL/FIN")
    page.locator("html[data-ready]").wait_for(state="attached", timeout=10000)
    assert page.evaluate("() => window.bilatReadyAt") > 0      # the page reports when it became ready
    assert page.locator("#timeline .mark[data-event-id]").count() == 200
    page.locator('#timeline .mark[data-event-id="ev-0123"]').click()
    page.locator("#evidence mark").wait_for()
    assert "thing number 123" in page.inner_text("#evidence mark")
    # stored without an article text: its stored sentences stay shown
    page.wait_for_load_state("networkidle")
    assert page.locator('#evidence .context[data-context="sentences"]').count() == 1


def test_index_map_and_filter(page, server, shots):
    page.goto(server.url + "/")
    page.locator("html[data-map-ready]").wait_for(state="attached", timeout=10000)
    assert page.locator("#worldmap path.country.has").count() == 6    # NOR RUS ISL MLT CHL FIN
    page.fill("#pair-filter", "malta")
    assert page.locator("#pairs tbody tr[data-search]:not([hidden])").count() == 1
    page.screenshot(path=str(shots / "index.png"), full_page=True)
    assert page.errors == [] and page.outside == []
