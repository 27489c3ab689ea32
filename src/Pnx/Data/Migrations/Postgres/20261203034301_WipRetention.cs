using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MunicipalityNis = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
