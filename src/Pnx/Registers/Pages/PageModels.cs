namespace Pnx.Registers.Pages;

/// <summary>One DPO's contact, with whose DPO it is.</summary>
public sealed record DpoContactView(string Party, DpoContact? Contact);

/// <summary>The fields of a DPO contact form.</summary>
public sealed class DpoFields
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    public DpoInput AsInput() => new(Name, Email, Phone, Address);

    public static DpoFields Of(DpoContact? contact) =>
        new() { Name = contact?.Name, Email = contact?.Email, Phone = contact?.Phone, Address = contact?.Address };
}

/// <summary>A DPO form and its refusals; <see cref="Problems"/> are Dutch texts keyed by field.</summary>
public sealed record DpoFormView(DpoFields Form, IReadOnlyList<RegisterProblem> Problems, string Cancel);

/// <summary>How the register forms show a refusal: a summary linking to each field, and the reason beside the field.</summary>
public static class FieldErrors
{
    public static string Id(string field) => "veld-" + field.ToLowerInvariant();

    public static string? Of(IReadOnlyList<RegisterProblem> problems, string field) =>
        problems.Where(p => p.Field == field).Select(p => p.Message).FirstOrDefault();
}

/// <summary>One text field of a register form (see _Field.cshtml).</summary>
public sealed record FieldView(
    string Field, string Name, string Label, string? Value, int MaxLength, IReadOnlyList<RegisterProblem> Problems,
    bool Required = true, string Type = "text", bool Multiline = false, string? Hint = null, string Autocomplete = "off");
