namespace Bot.Operations;

/// <summary>The status page's CSS: readable from a 390 px phone to a desktop. Long errors (the cells of class "long")
/// wrap anywhere instead of widening the page; below 700 px every table row becomes a stacked card whose cells carry their column's name.</summary>
internal static class StatusPageStyle
{
    public const string Css = """
        *{box-sizing:border-box}
        body{font-family:system-ui,sans-serif;margin:0 auto;padding:1em;max-width:80em;line-height:1.4;color:#1b1b1b;overflow-wrap:break-word}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.2em 0 .4em}
        table{border-collapse:collapse;width:100%}
        td,th{padding:.3em .6em;text-align:left;vertical-align:top;border-bottom:1px solid #ddd}
        td.long{overflow-wrap:anywhere;min-width:12em}
        th{background:#f3f3f3}
        .ok{color:#176d2c}.bad{color:#b00020;font-weight:bold}.wait{color:#8a5a00;font-weight:bold}
        .problems{background:#fdecee;border-left:4px solid #b00020;padding:.4em 1em .4em 2em;margin:.6em 0;overflow-wrap:anywhere}
        .problems li{margin:.3em 0}
        .note{color:#555;font-size:.9em}
        @media (max-width:700px){
        body{padding:.6em}
        table,tbody,tr,td{display:block;width:100%}
        tr.head{display:none}
        tr{border:1px solid #ddd;border-radius:6px;margin-bottom:.6em;padding:.2em 0}
        td,td.long{border:0;padding:.15em .6em;min-width:0;overflow-wrap:anywhere}
        td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#555}
        td[data-label]:empty{display:none}
        }
        """;
}
