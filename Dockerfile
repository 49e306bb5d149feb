# Build stage: restore and publish the host, precompiled (ReadyToRun, set in Bot.csproj; Telegram.Bot excepted) for the
# image's architecture.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig appsettings.json ./
COPY Bot.Core/Bot.Core.csproj Bot.Core/
COPY Bot/Bot.csproj Bot/
RUN dotnet restore Bot/Bot.csproj -a $TARGETARCH
COPY Bot.Core/ Bot.Core/
COPY Bot/ Bot/
RUN dotnet publish Bot/Bot.csproj -c Release -a $TARGETARCH --no-restore -o /app

# Run stage: the ASP.NET runtime, a non-root user, the database on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the health check; the fonts the PDF export draws with (Latin, Cyrillic, Arabic, Hebrew, CJK).
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-noto-core fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN useradd --system --uid 10001 --home-dir /data bridge && mkdir -p /data && chown bridge /data
USER bridge
VOLUME /data
WORKDIR /data
# The bridge listens on all interfaces here, so it starts only with Operators__HttpToken set (docker run -e ...):
# the status page and /metrics then require that token; /healthz, used below, stays open.
ENV ConnectionStrings__Bridge="Data Source=/data/bridge.db" \
    Urls="http://0.0.0.0:8080"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "/app/Bot.dll"]
