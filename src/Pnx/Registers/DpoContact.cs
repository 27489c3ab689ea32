using Pnx.Municipalities;

namespace Pnx.Registers;

/// <summary>
/// A data protection officer's office contact (protocol art. 6 and 9: both parties have a DPO, and breaches go
/// through them): a municipality's (<see cref="MunicipalityId"/> set) or the agency's (null). Business contact data.
/// </summary>
public sealed class DpoContact
{
    public int Id { get; set; }

    /// <summary>The municipality whose DPO this is; null for the agency's DPO (one row, see <see cref="DpoContacts"/>).</summary>
    public int? MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>The office's phone number in E.164 form.</summary>
    public required string Phone { get; set; }

    /// <summary>The office's postal address, as the protocol's DPO table gives it.</summary>
    public string? Address { get; set; }

    public DateTime UpdatedAt { get; set; }
}
