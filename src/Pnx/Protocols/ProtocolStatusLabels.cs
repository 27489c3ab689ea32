namespace Pnx.Protocols;

/// <summary>Dutch labels of the §9 status words, and the English translations of the protocol pages.</summary>
public static class ProtocolStatusLabels
{
    public static string Dutch(string word) => word switch
    {
        "draft" => "ontwerp (nog niet gestart)",
        "active" => "actief",
        "notice" => "opgezegd (loopt nog)",
        "terminated" => "beëindigd door het Agentschap",
        "expired" => "afgelopen",
        "superseded" => "vervangen door een nieuw protocol",
        _ => word,
    };
}
