using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Pnx.Api.Feed;

/// <summary>
/// The feed's opaque cursor: base64url of "sc1:" and the id of the last status change seen. Ids come from the
/// database, so a cursor stays valid across restarts and instances; the prefix lets us change the format later.
/// </summary>
public static class FeedCursor
{
    private const string Prefix = "sc1:";

    public static string Encode(long id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + id.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string cursor, out long id)
    {
        id = 0;
        if (cursor.Length is 0 or > 64) return false;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id)
                && Encode(id) == cursor;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
