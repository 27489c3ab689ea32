namespace Pnx.Retention;

/// <summary>The four reasons of contract §9 for which a newcomer's personal data leave the database.</summary>
public enum RetentionRule
{
    /// <summary>Certificate date + 6 calendar months (art. 3).</summary>
    Certificate,

    /// <summary>The agency withdrew the newcomer (snapshot import or API).</summary>
    Withdrawal,

    /// <summary>Not confirmed by an import or API push for the protocol's number of months.</summary>
    Unconfirmed,

    /// <summary>The protocol's number of days after the municipality's protocol ended without a successor.</summary>
    ProtocolEnded,
}

public static class RetentionRuleWords
{
    /// <summary>The word in the deletion register's column "Regel" and in the retention run's lines.</summary>
    public static string Word(this RetentionRule rule) => rule switch
    {
        RetentionRule.Certificate => "attest",
        RetentionRule.Withdrawal => "intrekking",
        RetentionRule.Unconfirmed => "niet bevestigd",
        RetentionRule.ProtocolEnded => "protocol beëindigd",
    };

    /// <summary>The rule a register word names (as <see cref="Word"/> writes it; case-insensitive), or null for any other text.</summary>
    public static RetentionRule? FromWord(string word) =>
        Enum.GetValues<RetentionRule>().Cast<RetentionRule?>()
            .FirstOrDefault(rule => string.Equals(rule!.Value.Word(), word.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule as a newcomer's page names it (Dutch; the page translates it).</summary>
    public static string Reason(this RetentionRule rule) => rule switch
    {
        RetentionRule.Certificate => "6 maanden na het attest",
        RetentionRule.Withdrawal => "intrekking",
        RetentionRule.Unconfirmed => "niet meer bevestigd door het Agentschap",
        RetentionRule.ProtocolEnded => "einde van het protocol",
    };
}
