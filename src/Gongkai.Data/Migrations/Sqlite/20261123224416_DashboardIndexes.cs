using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_State_IsExtended_DueOn",
                table: "Cases",
                columns: new[] { "AgencyId", "State", "IsExtended", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AgencyId_State_SubmittedOn",
                table: "Cases",
                columns: new[] { "AgencyId", "State", "SubmittedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_State_IsExtended_DueOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AgencyId_State_SubmittedOn",
                table: "Cases");
        }
    }
}
