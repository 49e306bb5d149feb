using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Images;

/// <summary>A marketplace image host on a loopback address, counting the requests it gets: a JPEG, an HTML page, a
/// body without a content type, an SVG, an image streamed without Content-Length, a JPEG that is not one, redirects.</summary>
public sealed class ImageServer : IAsyncDisposable
{
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9];

    /// <summary>What /huge.jpg streams, in 4 KiB chunks and without a Content-Length.</summary>
    public const int HugeBytes = 64 * 1024;

    private LoopbackServer? server;
    private int requests;

    /// <summary>The base address once started, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Url => server?.Url ?? throw new InvalidOperationException("The image server is not started.");

    public int Requests => Volatile.Read(ref requests);

    /// <param name="address">Another loopback address (127.0.0.2) stands in for a host on the internet.</param>
    public static async Task<ImageServer> StartAsync(string address = "127.0.0.1")
    {
        var images = new ImageServer();
        images.server = await LoopbackServer.StartAsync(images.Map, address);
        return images;
    }

    private void Map(WebApplication web)
    {
        web.Use((context, next) =>
        {
            Interlocked.Increment(ref requests);
            return next(context);
        });
        web.MapGet("/item.jpg", () => Results.Bytes(Jpeg, "image/jpeg"));
        web.MapGet("/junk.jpg", () => Results.Bytes("<html>not an image</html>"u8.ToArray(), "image/jpeg"));
        web.MapGet("/page.html", () => Results.Text("<html><body>a page</body></html>", "text/html"));
        web.MapGet("/drawing.svg", () => Results.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml"));
        web.MapGet("/untyped", async context => await context.Response.Body.WriteAsync(Jpeg));
        web.MapGet("/huge.jpg", async context =>
        {
            context.Response.ContentType = "image/jpeg";
            var chunk = new byte[4096];
            for (var sent = 0; sent < HugeBytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk);
                await context.Response.Body.FlushAsync();
            }
        });
        web.MapGet("/redirect", (string to) => Results.Redirect(to));
        web.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
