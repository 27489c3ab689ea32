namespace Pnx.Protocols;

/// <summary>The statuses of §9, the words exactly.</summary>
public enum ProtocolStatus
{
    Draft,
    Active,
    Notice,
    Terminated,
    Expired,
    Superseded,
}

/// <summary>
/// The lifecycle of art. 5, 8 and 12 in one place: the status follows from the record and the day, and the
/// notice rule (3 months to the day, or the end if sooner) sets the effective end.
/// </summary>
public static class ProtocolStatuses
{
    public static string Word(this ProtocolStatus status) => status switch
    {
        ProtocolStatus.Draft => "draft",
        ProtocolStatus.Active => "active",
        ProtocolStatus.Notice => "notice",
        ProtocolStatus.Terminated => "terminated",
        ProtocolStatus.Expired => "expired",
        ProtocolStatus.Superseded => "superseded",
    };

    /// <summary>Notice given on <paramref name="noticeDay"/>: the last day is three months later, or the agreed end if sooner.</summary>
    public static DateOnly EndAfterNotice(DateOnly endDate, DateOnly noticeDay)
    {
        var afterNotice = noticeDay.AddMonths(3);
        return afterNotice < endDate ? afterNotice : endDate;
    }

    /// <summary>
    /// The status of <paramref name="protocol"/> on <paramref name="day"/>; <paramref name="successorStart"/> is the
    /// start of the next protocol of the same municipality, if any.
    /// </summary>
    public static ProtocolStatus Of(Protocol protocol, DateOnly day, DateOnly? successorStart)
    {
        if (protocol.TerminatedAt is not null) return ProtocolStatus.Terminated;
        if (day < protocol.StartDate) return ProtocolStatus.Draft;
        if (successorStart is { } next && next <= day && next > protocol.StartDate) return ProtocolStatus.Superseded;
        if (day > protocol.EffectiveEndDate) return ProtocolStatus.Expired;
        return protocol.NoticeGivenOn is not null ? ProtocolStatus.Notice : ProtocolStatus.Active;
    }

    /// <summary>Status of every protocol in a list (one municipality or many), each judged against its municipality's next protocol.</summary>
    public static IReadOnlyDictionary<int, ProtocolStatus> Of(IReadOnlyCollection<Protocol> protocols, DateOnly day) =>
        protocols.ToDictionary(p => p.Id, p => Of(p, day, protocols
            .Where(q => q.MunicipalityId == p.MunicipalityId && q.Id != p.Id && q.StartDate > p.StartDate && q.TerminatedAt == null)
            .Select(q => (DateOnly?)q.StartDate).Min()));
}
