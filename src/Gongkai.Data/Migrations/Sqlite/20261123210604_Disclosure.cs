using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisclosureIndexSequences",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureIndexSequences", x => x.Scope);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Art20Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidityStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AttachmentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AuthorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChecksJson = table.Column<string>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureItems_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureWords",
                columns: table => new
                {
                    Wrong = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Right = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureWords", x => x.Wrong);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ItemVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FindingId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureSteps_DisclosureItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "DisclosureItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisclosureVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosureVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosureVersions_DisclosureItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "DisclosureItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureItems_AgencyId_PublishedOn",
                table: "DisclosureItems",
                columns: new[] { "AgencyId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureItems_AgencyId_State",
                table: "DisclosureItems",
                columns: new[] { "AgencyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureItems_IndexNumber",
                table: "DisclosureItems",
                column: "IndexNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureSteps_ItemId_Sequence",
                table: "DisclosureSteps",
                columns: new[] { "ItemId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisclosureVersions_ItemId_Version",
                table: "DisclosureVersions",
                columns: new[] { "ItemId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisclosureIndexSequences");

            migrationBuilder.DropTable(
                name: "DisclosureSteps");

            migrationBuilder.DropTable(
                name: "DisclosureVersions");

            migrationBuilder.DropTable(
                name: "DisclosureWords");

            migrationBuilder.DropTable(
                name: "DisclosureItems");
        }
    }
}
