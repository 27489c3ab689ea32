using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WipNavigation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saved_searches",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_searches", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_saved_searches_ExpiresAt",
                table: "saved_searches",
                column: "ExpiresAt");
            // NewcomerSearch folds Arabic alif maqsura/ta marbuta, drops tatweel, reads Turkish ı as I and the Ethiopic word space as a space:
            // bring stored search forms in line (same SQL on both engines; rows without those characters are untouched).
            migrationBuilder.Sql("""
                UPDATE newcomers SET "SearchName" = replace(replace(replace(replace(replace("SearchName", 'ى', 'ي'), 'ة', 'ه'), 'ـ', ''), '፡', ' '), 'ı', 'I')
                WHERE "SearchName" LIKE '%ى%' OR "SearchName" LIKE '%ة%' OR "SearchName" LIKE '%ـ%' OR "SearchName" LIKE '%፡%' OR "SearchName" LIKE '%ı%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_searches");
        }
    }
}
