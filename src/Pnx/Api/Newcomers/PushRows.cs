using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pnx.Imports;

namespace Pnx.Api.Newcomers;

/// <summary>
/// Turns the pushed JSON array into the same <see cref="RawTable"/> a file becomes (one row per item, columns of
/// §4), so <see cref="Imports.Validation.NewcomerTableParser"/> applies literally the same rules; problems come back
/// as {index, field}. Only what JSON adds is checked here: member names, value types and the date's ISO form.
/// </summary>
public static partial class PushRows
{
    /// <summary>Item i becomes row i + 2, as if a header were row 1.</summary>
    private const int FirstRow = 2;

    public static RawTable Build(JsonElement newcomers, List<FieldError> errors)
    {
        var rows = new List<RawRow>();
        var index = 0;
        foreach (var item in newcomers.EnumerateArray())
        {
            var cells = new string[PushFields.All.Count];
            Array.Fill(cells, "");
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(index, null, "Must be a JSON object."));
            }
            else
            {
                ApiJson.RefuseUnknownMembers(item, PushFields.Members, index, errors);
                for (var column = 0; column < PushFields.All.Count; column++)
                {
                    cells[column] = Cell(item, PushFields.All[column].Member, index, errors);
                }

                if (cells.All(c => c.Length == 0)) errors.Add(new FieldError(index, "dossierNumber", "Required: an empty newcomer cannot be stored."));
            }

            rows.Add(new RawRow(index + FirstRow, cells));
            index++;
        }

        return new RawTable(PushFields.Columns, rows);
    }

    /// <summary>A problem of the file import's rules, said of the JSON item and member.</summary>
    public static FieldError ToFieldError(ImportProblem problem) => new(
        problem.Row is { } row ? row - FirstRow : null,
        problem.Column is { } column ? PushFields.MemberByColumn.GetValueOrDefault(column, column) : null,
        RowReference().Replace(problem.Message, m => "item " + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - FirstRow).ToString(CultureInfo.InvariantCulture)));

    private static string Cell(JsonElement item, string member, int index, List<FieldError> errors)
    {
        if (!item.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null) return "";
        if (member == PushFields.Interests)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new FieldError(index, member, "Must be an array of strings."));
                return "";
            }

            var parts = new List<string>();
            foreach (var element in value.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text || text.AsSpan().IndexOfAny("|;\r\n") >= 0)
                {
                    errors.Add(new FieldError(index, member, "Must be an array of strings, one label or number per element."));
                    return "";
                }

                parts.Add(text);
            }

            return string.Join("|", parts);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(index, member, "Must be a string."));
            return "";
        }

        var cell = value.GetString()!;
        if (member == PushFields.CertificateDate && cell.Trim().Length > 0 && !IsoDate().IsMatch(cell.Trim()))
        {
            errors.Add(new FieldError(index, member, "Must be a date as YYYY-MM-DD."));
            return "";
        }

        return cell;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\brow (\d+)\b")]
    private static partial Regex RowReference();
}
