using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query;
using Pnx.Newcomers;

namespace Pnx.Imports;

public enum NewcomerFieldKind
{
    /// <summary>The dossier number: identifies the newcomer and stays after erasure as processing metadata.</summary>
    Key,

    /// <summary>A column of the protocol's whitelist (article 3): imported, compared, exported, erased.</summary>
    Personal,

    /// <summary>Computed from personal fields (the search form of the name): personal too, erased with them.</summary>
    Derived,
}

/// <summary>Turns a cleaned, non-empty cell into a value; returns the problem, or null.</summary>
internal delegate string? CellRule<T>(string text, DateOnly today, out T value);

/// <summary>One row of <see cref="NewcomerFields"/>: everything the application knows about one field of a newcomer.</summary>
public abstract class NewcomerField(string property, NewcomerFieldKind kind, string? column, bool required, int? maxLength)
{
    /// <summary>The <see cref="Newcomer"/> property, which is also the database column.</summary>
    public string Property { get; } = property;

    public NewcomerFieldKind Kind { get; } = kind;

    /// <summary>The header in the agency's export (contract §4); null for a derived field.</summary>
    public string? Column { get; } = column;

    public bool Required { get; } = required;

    public int? MaxLength { get; } = maxLength;

    /// <summary>Only "Interesses en noden" may hold line breaks (they separate its values).</summary>
    public bool AllowsLineBreaks { get; init; }

    public bool IsPersonal => Kind != NewcomerFieldKind.Key;

    public override string ToString() => Property;

    /// <summary>The value the entity holds, boxed (for checks and tests, not for hot paths).</summary>
    public abstract object? ValueOf(Newcomer newcomer);

    /// <summary>True when the field holds what erasure leaves behind (null, or the empty set).</summary>
    public abstract bool IsErased(Newcomer newcomer);

    /// <summary>The value to store for a newcomer with these values, as EF Core stores it (enum names).</summary>
    internal abstract object? Stored(Newcomer values);

    /// <summary>Applies the field's rule to a cleaned cell and sets the value; returns the problem, or null.</summary>
    internal abstract string? Read(string text, DateOnly today, Newcomer target);

    /// <summary>The cell an export writes, which the import reads back to the same value (contract §5).</summary>
    internal abstract string Format(Newcomer newcomer);

    internal abstract bool Same(Newcomer a, Newcomer b);

    internal abstract void Copy(Newcomer from, Newcomer to);

    internal abstract void Erase(UpdateSettersBuilder<Newcomer> setters);

    internal abstract void Configure(EntityTypeBuilder<Newcomer> builder);
}

internal sealed class NewcomerField<T> : NewcomerField
{
    private readonly Expression<Func<Newcomer, T>> _property;
    private readonly Func<Newcomer, T> _get;
    private readonly Action<Newcomer, T> _set;
    private readonly CellRule<T>? _rule;
    private readonly Func<Newcomer, T>? _derive;
    private readonly Func<T, string> _format;
    private readonly Func<T, object?> _store;
    private readonly Action<PropertyBuilder<T>>? _configure;

    public NewcomerField(
        Expression<Func<Newcomer, T>> property, NewcomerFieldKind kind, string? column, bool required, int? maxLength,
        CellRule<T>? rule, Func<Newcomer, T>? derive, Func<T, string> format, Func<T, object?> store, Action<PropertyBuilder<T>>? configure = null)
        : base(PropertyOf(property).Name, kind, column, required, maxLength)
    {
        var info = PropertyOf(property);
        _property = property;
        _get = info.GetMethod!.CreateDelegate<Func<Newcomer, T>>();
        _set = info.SetMethod!.CreateDelegate<Action<Newcomer, T>>();
        _rule = rule;
        _derive = derive;
        _format = format;
        _store = store;
        _configure = configure;
    }

    public override object? ValueOf(Newcomer newcomer) => _get(newcomer);

    public override bool IsErased(Newcomer newcomer) => EqualityComparer<T>.Default.Equals(_get(newcomer), default);

    internal override object? Stored(Newcomer values) => _store(_derive is null ? _get(values) : _derive(values));

    internal override string? Read(string text, DateOnly today, Newcomer target)
    {
        var error = _rule!(text, today, out var value);
        if (error is null) _set(target, value);
        return error;
    }

    internal override string Format(Newcomer newcomer) => _format(_get(newcomer));

    internal override bool Same(Newcomer a, Newcomer b) => EqualityComparer<T>.Default.Equals(_get(a), _get(b));

    internal override void Copy(Newcomer from, Newcomer to) => _set(to, _get(from));

    internal override void Erase(UpdateSettersBuilder<Newcomer> setters) => setters.SetProperty(_property, default(T)!);

    internal override void Configure(EntityTypeBuilder<Newcomer> builder)
    {
        var property = builder.Property(_property);
        if (MaxLength is { } max) property.HasMaxLength(max);
        _configure?.Invoke(property);
    }

    private static PropertyInfo PropertyOf(Expression<Func<Newcomer, T>> property) =>
        property.Body is MemberExpression { Member: PropertyInfo info } ? info : throw new ArgumentException("Not a property of Newcomer.", nameof(property));
}
