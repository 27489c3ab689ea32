using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <summary>
    /// The name search's index: an FTS5 trigram index over the newcomers' search form (<c>SearchName</c>), so a search finds
    /// its candidates without reading a whole municipality (see <c>Newcomers/NameSearchIndex</c>). External content: the
    /// index holds trigrams, their positions (a word is found as its trigrams in a row, without reading the name) and ids only, the
    /// names stay in <c>newcomers</c>; triggers keep it in step with every writer
    /// (pages, API, erasure; an import's inserts are indexed in one statement, see <c>NameSearchIndex.InsertInBulkAsync</c>); <c>secure-delete</c> removes an erased or deleted name's trigrams from the index itself,
    /// not only marks them. A migration that rebuilds the newcomers table must create these triggers again.
    /// </summary>
    public partial class NewcomerNameSearchIndex : Migration
    {
        private const string Add = """INSERT INTO newcomer_search (rowid, "SearchName") SELECT NEW."Id", NEW."SearchName" WHERE NEW."SearchName" IS NOT NULL;""";

        private const string Remove = """INSERT INTO newcomer_search (newcomer_search, rowid, "SearchName") SELECT 'delete', OLD."Id", OLD."SearchName" WHERE OLD."SearchName" IS NOT NULL;""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE newcomer_search USING fts5("SearchName", content='newcomers', content_rowid='Id', tokenize='trigram');""");
            migrationBuilder.Sql("""INSERT INTO newcomer_search (newcomer_search, rank) VALUES ('secure-delete', 1);""");
            migrationBuilder.Sql("""INSERT INTO newcomer_search (newcomer_search) VALUES ('rebuild');""");
            migrationBuilder.Sql("""CREATE TRIGGER newcomer_search_insert AFTER INSERT ON newcomers WHEN NEW."SearchName" IS NOT NULL BEGIN INSERT INTO newcomer_search (rowid, "SearchName") VALUES (NEW."Id", NEW."SearchName"); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER newcomer_search_delete AFTER DELETE ON newcomers WHEN OLD."SearchName" IS NOT NULL BEGIN INSERT INTO newcomer_search (newcomer_search, rowid, "SearchName") VALUES ('delete', OLD."Id", OLD."SearchName"); END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER newcomer_search_update AFTER UPDATE OF "SearchName" ON newcomers WHEN OLD."SearchName" IS NOT NEW."SearchName" BEGIN {Remove} {Add} END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "insert", "delete", "update" }) migrationBuilder.Sql($"DROP TRIGGER newcomer_search_{trigger};");
            migrationBuilder.Sql("DROP TABLE newcomer_search;");
        }
    }
}
