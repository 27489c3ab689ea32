using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <summary>
    /// The name search's index on PostgreSQL: a GIN index of the trigrams of the newcomers' search form (<c>SearchName</c>,
    /// operator class <c>gin_trgm_ops</c> of the <c>pg_trgm</c> extension), which answers the search's <c>LIKE '%WORD%'</c>
    /// (see <c>NewcomerListQuery.Matching</c>), so a search reads the candidates instead of a whole municipality. The index
    /// only speeds the search up: where the server does not ship <c>pg_trgm</c> or the account may not create it, the
    /// migration says so (a warning) and leaves the index out, and the search tests every newcomer as before.
    /// </summary>
    public partial class NewcomerNameTrigramIndex : Migration
    {
        /// <summary>The index's name, for the tests and for an operator reading the plans.</summary>
        public const string Index = "IX_newcomers_SearchName_trgm";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($$"""
                DO $migration$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
                        BEGIN
                            CREATE EXTENSION IF NOT EXISTS pg_trgm;
                            CREATE INDEX "{{Index}}" ON newcomers USING gin ("SearchName" gin_trgm_ops);
                        EXCEPTION WHEN OTHERS THEN
                            RAISE WARNING 'pnx: the name search index was not created (%); name searches read every newcomer', SQLERRM;
                        END;
                    ELSE
                        RAISE WARNING 'pnx: this server has no pg_trgm extension; name searches read every newcomer';
                    END IF;
                END
                $migration$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "{Index}";""");
        }
    }
}
