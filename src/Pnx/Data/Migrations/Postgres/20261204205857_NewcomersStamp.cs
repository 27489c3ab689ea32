using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <summary>
    /// <c>municipalities.NewcomersStamp</c> and the triggers that give it a new random value whenever a newcomer is added or deleted or changes
    /// a column that decides whether it is current (see <c>Newcomers/NewcomersStamp</c>). Per statement, with the statement's
    /// rows as transition tables: an import of 100,000 rows stamps each municipality once. An update that changes
    /// none of those columns (case work: last contact, hours) stamps nothing, so it never locks the municipality's row.
    /// </summary>
    public partial class NewcomersStamp : Migration
    {
        private const string Raise = """UPDATE municipalities SET "NewcomersStamp" = (random() * 9.2e18)::bigint WHERE "Id" IN """;

        private static readonly string[] Columns = ["MunicipalityId", "WithdrawnAt", "ErasedAt", "CertificateDate", "LastConfirmedAt"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NewcomersStamp",
                table: "municipalities",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
            var changed = string.Join(" OR ", Columns.Select(c => $"""o."{c}" IS DISTINCT FROM n."{c}" """.TrimEnd()));
            Function(migrationBuilder, "insert", $"""{Raise}(SELECT "MunicipalityId" FROM new_rows);""");
            Function(migrationBuilder, "delete", $"""{Raise}(SELECT "MunicipalityId" FROM old_rows);""");
            Function(migrationBuilder, "update",
                $"""{Raise}(SELECT m FROM old_rows o JOIN new_rows n ON n."Id" = o."Id", LATERAL (VALUES (o."MunicipalityId"), (n."MunicipalityId")) AS v(m) WHERE {changed});""");
            migrationBuilder.Sql("""CREATE TRIGGER newcomers_stamp_insert AFTER INSERT ON newcomers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newcomers_stamp_insert();""");
            migrationBuilder.Sql("""CREATE TRIGGER newcomers_stamp_delete AFTER DELETE ON newcomers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newcomers_stamp_delete();""");
            migrationBuilder.Sql("""CREATE TRIGGER newcomers_stamp_update AFTER UPDATE ON newcomers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newcomers_stamp_update();""");
        }

        private static void Function(MigrationBuilder migrationBuilder, string name, string body) =>
            migrationBuilder.Sql($"""CREATE FUNCTION newcomers_stamp_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$;""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "insert", "delete", "update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER newcomers_stamp_{trigger} ON newcomers;");
                migrationBuilder.Sql($"DROP FUNCTION newcomers_stamp_{trigger}();");
            }

            migrationBuilder.DropColumn(
                name: "NewcomersStamp",
                table: "municipalities");
        }
    }
}
