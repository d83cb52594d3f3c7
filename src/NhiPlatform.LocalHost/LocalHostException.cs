namespace NhiPlatform.LocalHost;

/// <summary>
/// An expected failure of the local topology (a missing binary, a busy port, a service that never became healthy).
/// Its message is written for the developer: it says what is wrong and what to do.
/// </summary>
internal sealed class LocalHostException : Exception
{
    public LocalHostException(string message)
        : base(message)
    {
    }

    public LocalHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
