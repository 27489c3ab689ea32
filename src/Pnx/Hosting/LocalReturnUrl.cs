namespace Pnx.Hosting;

/// <summary>
/// Where to go back to after sign-in or a language switch: only a local path, never an open redirect,
/// and only printable ASCII. A control character (an injected CR/LF, a NUL) would make the Location
/// header invalid and the answer a 500; legitimate return paths arrive percent-encoded, so anything
/// else is ignored in favour of <paramref name="fallback"/>.
/// </summary>
public static class LocalReturnUrl
{
    public static string Or(string? returnUrl, string fallback) =>
        returnUrl is { Length: > 0 and <= 2048 }
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || returnUrl[1] is not '/' and not '\\')
        && returnUrl.All(c => c is > ' ' and < '\x7f')
            ? returnUrl
            : fallback;
}
