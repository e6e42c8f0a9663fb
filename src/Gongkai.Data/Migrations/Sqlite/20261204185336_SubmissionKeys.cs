using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubmissionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubmissionKey",
                table: "Cases",
                type: "TEXT",
                maxLength: 96,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubmissionKey",
                table: "Cases",
                column: "SubmissionKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_SubmissionKey",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SubmissionKey",
                table: "Cases");
        }
    }
}
