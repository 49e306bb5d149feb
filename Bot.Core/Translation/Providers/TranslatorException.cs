using System.Net;

namespace Bot.Core.Translation.Providers;

/// <summary>A provider answered with an error or something that is not a translation.</summary>
public sealed class TranslatorException : Exception
{
    public TranslatorException()
    {
    }

    public TranslatorException(string message)
        : base(message)
    {
    }

    public TranslatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TranslatorException(string provider, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base($"{provider}: {message}", innerException)
    {
        Provider = provider;
        StatusCode = statusCode;
    }

    public string? Provider { get; }

    public HttpStatusCode? StatusCode { get; }
}
