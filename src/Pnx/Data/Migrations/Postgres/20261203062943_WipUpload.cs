using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WipUpload : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedAt",
                table: "staged_uploads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Fraction",
                table: "staged_uploads",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeJson",
                table: "staged_uploads",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowsRead",
                table: "staged_uploads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartedAt",
                table: "staged_uploads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "staged_uploads",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "staged_uploads",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinishedAt",
                table: "staged_uploads");

            migrationBuilder.DropColumn(
                name: "Fraction",
                table: "staged_uploads");

            migrationBuilder.DropColumn(
                name: "OutcomeJson",
                table: "staged_uploads");

            migrationBuilder.DropColumn(
                name: "RowsRead",
                table: "staged_uploads");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "staged_uploads");

            migrationBuilder.DropColumn(
                name: "State",
                table: "staged_uploads");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "staged_uploads");
        }
    }
}
