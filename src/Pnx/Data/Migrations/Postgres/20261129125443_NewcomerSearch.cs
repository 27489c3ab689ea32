using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewcomerSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "newcomers",
                type: "character varying(201)",
                maxLength: 201,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "newcomers");
        }
    }
}
