namespace Pnx.Access.Administration;

/// <summary>A member of staff as the administration pages show them: name first, e-mail under it.</summary>
public sealed record StaffMember(string? Name, string? Email)
{
    /// <summary>Who requested the grant; both null for a bootstrap grant, which nobody requested.</summary>
    public static StaffMember RequesterOf(GrantRow row) => new(row.RequesterName, row.RequesterEmail);
}
