using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WipRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deletion_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MunicipalityNis = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deletion_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deletion_records_MunicipalityNis_DossierNumber",
                table: "deletion_records",
                columns: new[] { "MunicipalityNis", "DossierNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deletion_records");
        }
    }
}
