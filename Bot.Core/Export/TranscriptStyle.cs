namespace Bot.Core.Export;

/// <summary>The export page's style: readable on screen, and on paper A4 with the table header on every page.</summary>
internal static class TranscriptStyle
{
    public const string Css = """
        body{font-family:"Noto Sans","DejaVu Sans","Noto Sans CJK SC","Noto Sans Arabic",sans-serif;font-size:13px;color:#111;margin:24px;line-height:1.4}
        h1{font-size:20px;margin:0 0 12px}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 16px}
        dl.facts dt{color:#555}dl.facts dd{margin:0}
        table{border-collapse:collapse;width:100%;table-layout:fixed}
        th,td{border:1px solid #bbb;padding:6px 8px;vertical-align:top;text-align:start;overflow-wrap:anywhere}
        th{background:#eee}
        .when{width:17%}.who{width:17%}
        .zone{color:#555;font-size:11px}
        .text div[dir]{white-space:pre-wrap}
        .lang{display:inline-block;font-size:10px;color:#555;border:1px solid #ccc;border-radius:3px;padding:0 3px;margin-bottom:2px}
        tr.failed td{background:#fde8e8}tr.pending td{background:#fff7e0}
        .delivery{margin-top:4px;font-size:11px}tr.failed .delivery{color:#a00;font-weight:bold}
        .reply{margin-top:4px;font-size:11px}.reply a{color:#036}
        .note{color:#8a5a00;font-style:italic;margin-top:4px}
        a.photo{display:block;margin-top:6px;font-size:10px;color:#036}
        a.photo img{display:block;max-width:100%;max-height:220px;border:1px solid #ccc}
        .foot{color:#555;font-size:11px;margin-top:12px}
        @page{size:A4;margin:12mm}
        @media print{body{margin:0;font-size:10.5px}thead{display:table-header-group}tr{break-inside:avoid}
        tr.failed td,tr.pending td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}a.photo span{word-break:break-all}}
        """;
}
