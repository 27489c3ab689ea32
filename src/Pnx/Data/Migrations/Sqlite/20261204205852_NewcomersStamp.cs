using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <summary>
    /// <c>municipalities.NewcomersStamp</c> and the triggers that give it a new random value whenever a newcomer is added or deleted or changes
    /// a column that decides whether it is current (see <c>Newcomers/NewcomersStamp</c>); an import suspends them inside its
    /// transaction and stamps once. A migration that rebuilds the newcomers or municipalities table must create
    /// these triggers again.
    /// </summary>
    public partial class NewcomersStamp : Migration
    {
        private const string Raise = """UPDATE municipalities SET "NewcomersStamp" = random() WHERE "Id" """;

        private static readonly string[] Columns = ["MunicipalityId", "WithdrawnAt", "ErasedAt", "CertificateDate", "LastConfirmedAt"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NewcomersStamp",
                table: "municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
            migrationBuilder.Sql($"""CREATE TRIGGER newcomers_stamp_insert AFTER INSERT ON newcomers BEGIN {Raise}= NEW."MunicipalityId"; END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER newcomers_stamp_delete AFTER DELETE ON newcomers BEGIN {Raise}= OLD."MunicipalityId"; END;""");
            migrationBuilder.Sql(
                $"""CREATE TRIGGER newcomers_stamp_update AFTER UPDATE OF {string.Join(", ", Columns.Select(c => $"\"{c}\""))} ON newcomers """ +
                $"""WHEN {string.Join(" OR ", Columns.Select(c => $"OLD.\"{c}\" IS NOT NEW.\"{c}\""))} """ +
                $"""BEGIN {Raise}IN (OLD."MunicipalityId", NEW."MunicipalityId"); END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "insert", "delete", "update" }) migrationBuilder.Sql($"DROP TRIGGER newcomers_stamp_{trigger};");
            migrationBuilder.DropColumn(
                name: "NewcomersStamp",
                table: "municipalities");
        }
    }
}
