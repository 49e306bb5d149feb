namespace Bot.Startup;

/// <summary>The web host the bridge starts from: the slim builder (which already reads <c>AllowedHosts</c> and, with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, forwarded headers, as the full one does) plus what else of the full
/// builder an operator may rely on: HTTPS endpoints from Kestrel's configuration (<c>Kestrel__Endpoints</c>, <c>Urls</c>
/// with <c>https://</c>), routing with every route constraint, and the event-source logger (dotnet-trace,
/// dotnet-monitor). Left out: IIS (Windows only), HTTP/3 over QUIC and the debugger's logger, whose assemblies the full
/// builder loads at every start (about 1.5 MiB resident) although the bridge never uses them.</summary>
internal static class WebDefaults
{
    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(options);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Services.AddRouting();
        builder.Logging.AddEventSourceLogger();
        return builder;
    }
}
