using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Tests.Data;

/// <summary>
/// The compiled EF Core models (`Data/CompiledModels`, used automatically so a verb starts without building the
/// model) must describe the model that <see cref="PnxDb"/> builds from its code. A change to an entity or to its
/// configuration makes them stale; then this fails and says how to regenerate them.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "the compiled EF Core model is stale; regenerate it: rm -rf src/Pnx/Data/CompiledModels && dotnet build src/Pnx && " +
        "dotnet ef dbcontext optimize --project src/Pnx --context SqlitePnxDb --output-dir Data/CompiledModels/Sqlite --namespace Pnx.Data.CompiledModels.Sqlite --no-build && " +
        "dotnet ef dbcontext optimize --project src/Pnx --context PostgresPnxDb --output-dir Data/CompiledModels/Postgres --namespace Pnx.Data.CompiledModels.Postgres --no-build";

    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Engines))]
    public void TheCompiledModelIsTheModelTheCodeBuilds(string engine)
    {
        // Only the model is looked at: no database is opened.
        var settings = new PnxSettings(Path.GetTempPath(), engine == "postgres" ? "Host=127.0.0.1;Database=pnx_model;Username=postgres" : null);
        using var db = PnxDbFactory.Create(settings);
        var compiled = db.Model;
        Assert.True(compiled is RuntimeModel && compiled.GetType() != typeof(RuntimeModel), "the context runs on its compiled model");
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.True(Shape(built).SequenceEqual(Shape(compiled)), Regenerate + "\n" + string.Join('\n', Shape(built).Except(Shape(compiled)).Concat(Shape(compiled).Except(Shape(built))).Take(20)));
    }

    /// <summary>
    /// What the queries and the writes rely on: tables, columns with their store types and conversions, keys,
    /// indexes, navigations, filters. (The relational differ cannot read a compiled model: it keeps no design-time data.)
    /// </summary>
    private static List<string> Shape(IModel model) =>
        [.. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
            new[] { $"{e.Name} table {e.GetTableName()} filter {e.GetDeclaredQueryFilters().Count}" }
            .Concat(e.GetDeclaredProperties().Select(p =>
                $"{e.Name}.{p.Name} {p.ClrType.Name} null:{p.IsNullable} store:{p.GetRelationalTypeMapping().StoreType} conv:{p.GetTypeMapping().Converter?.GetType().Name} col:{p.GetColumnName()} gen:{p.ValueGenerated}"))
            .Concat(e.GetDeclaredKeys().Select(k => $"{e.Name} key {string.Join(',', k.Properties.Select(p => p.Name))}"))
            .Concat(e.GetDeclaredNavigations().Select(n => $"{e.Name} nav {n.Name} -> {n.TargetEntityType.Name}"))
            .Concat(e.GetDeclaredIndexes().Select(i => $"{e.Name} index {string.Join(',', i.Properties.Select(p => p.Name))} unique:{i.IsUnique}")))];
}
