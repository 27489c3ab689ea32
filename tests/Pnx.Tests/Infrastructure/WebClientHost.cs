namespace Pnx.Tests.Infrastructure;

public sealed partial class WebClient
{
    /// <summary>From now on, send this Host header (cookies still follow the real address).</summary>
    public void SendHostHeader(string host) => _http.DefaultRequestHeaders.Host = host;
}
