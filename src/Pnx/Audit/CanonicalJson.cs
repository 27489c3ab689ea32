using System.Globalization;
using System.Text;

namespace Pnx.Audit;

/// <summary>
/// Writes JSON as RFC 8785 (JCS) prescribes for the values an audit entry holds: members sorted by
/// UTF-16 code units, no white space, strings escaped minimally with lower-case \u00xx.
/// Written by hand because System.Text.Json's encoders escape more than JCS allows.
/// </summary>
public static class CanonicalJson
{
    public static string Write(IEnumerable<KeyValuePair<string, object?>> members) => Build(members).ToString();

    /// <summary>The same text, left in its builder: a large import's entry need not become one more string to be hashed.</summary>
    internal static StringBuilder Build(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var builder = new StringBuilder(256);
        WriteObject(builder, members);
        return builder;
    }

    /// <summary>A JSON array of strings, as the audit entry's subjects are stored.</summary>
    public static string WriteArray(IEnumerable<string> items)
    {
        var builder = new StringBuilder(64);
        WriteValue(builder, items);
        return builder.ToString();
    }

    private static void WriteObject(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> members)
    {
        builder.Append('{');
        var first = true;
        foreach (var (name, value) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!first) builder.Append(',');
            first = false;
            WriteString(builder, name);
            builder.Append(':');
            WriteValue(builder, value);
        }

        builder.Append('}');
    }

    private static void WriteValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                WriteString(builder, text);
                break;
            case long number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case RawJson raw:
                builder.Append(raw.Json);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case IEnumerable<string> items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first) builder.Append(',');
                    first = false;
                    WriteString(builder, item);
                }

                builder.Append(']');
                break;
            default:
                throw new ArgumentException($"Unsupported JSON value type {value.GetType().Name}.", nameof(value));
        }
    }

    public static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}

/// <summary>JSON that is already canonical (written by <see cref="CanonicalJson"/>), embedded as is.</summary>
public sealed record RawJson(string Json);
