namespace Pnx.Landing;

/// <summary>The application's own stylesheet, served from the app itself: no CDN, no inline styles.</summary>
public static class LandingStylesheet
{
    public const string Path = "/static/pnx.css";

    public static void Map(WebApplication app) =>
        app.MapGet(Path, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(Css, "text/css; charset=utf-8");
        });

    private const string Css = """
        :root { --ink: #1d2733; --muted: #5a6776; --line: #d9dee5; --accent: #00607a; --ok: #1f7a3a; --off: #9a3b00; --bg: #f5f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); }
        header.top { background: var(--accent); color: #fff; padding: 1rem 2rem; }
        header.top p { margin: 0; font-size: .9rem; opacity: .9; }
        .brand { font-weight: 700; font-size: 1.25rem; letter-spacing: .01em; }
        main { max-width: 60rem; margin: 2rem auto; padding: 0 2rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
        .lead { color: var(--muted); margin: 0 0 1.5rem; }
        table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
        caption { text-align: left; font-weight: 600; padding: 0 0 .5rem; }
        th, td { text-align: left; padding: .6rem .9rem; border-bottom: 1px solid var(--line); }
        thead th { background: #eef2f5; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        tbody tr:last-child td { border-bottom: 0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .status { display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-size: .85rem; font-weight: 600; }
        .status.active { background: #e3f3e8; color: var(--ok); }
        .status.inactive { background: #fbece3; color: var(--off); }
        .empty { color: var(--muted); font-style: italic; }
        footer { max-width: 60rem; margin: 2rem auto; padding: 0 2rem; color: var(--muted); font-size: .85rem; }
        """;
}
