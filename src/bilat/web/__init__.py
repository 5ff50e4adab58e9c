"""The web explorer: server-rendered pages, with the scripts, styles, d3,
topojson-client and the world atlas they use shipped in `static/`."""
