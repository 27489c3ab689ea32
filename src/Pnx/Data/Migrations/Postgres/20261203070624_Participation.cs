using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries");

            migrationBuilder.AddColumn<long>(
                name: "TotpLastStep",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgencyDpoAdviceOn",
                table: "protocols",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencySignatory",
                table: "protocols",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveEndDate",
                table: "protocols",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "EndedRetentionDays",
                table: "protocols",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MunicipalDecisionOn",
                table: "protocols",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MunicipalDpoAdviceOn",
                table: "protocols",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MunicipalitySignatory",
                table: "protocols",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NoticeGivenOn",
                table: "protocols",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedText",
                table: "protocols",
                type: "character varying(200000)",
                maxLength: 200000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                table: "protocols",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnconfirmedRetentionMonths",
                table: "protocols",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "protocols",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "function_profiles",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "function_profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Organiser = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    ContactPerson = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Address = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Categories = table.Column<int>(type: "integer", nullable: false),
                    Childcare = table.Column<bool>(type: "boolean", nullable: false),
                    FamilyActivity = table.Column<bool>(type: "boolean", nullable: false),
                    Free = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumDutchLevel = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Hours = table.Column<double>(type: "double precision", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    DeactivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_activities_municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_clients",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: true),
                    SecretHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RateLimitPerMinute = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_clients_municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_signing_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contact_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    NewcomerId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_log", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contact_log_newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "dpo_contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dpo_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dpo_contacts_municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolment_status_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnrolmentId = table.Column<long>(type: "bigint", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityNis = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    DossierNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Hours = table.Column<double>(type: "double precision", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolment_status_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Job = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "newcomer_assignments",
                columns: table => new
                {
                    NewcomerId = table.Column<long>(type: "bigint", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_newcomer_assignments", x => x.NewcomerId);
                    table.ForeignKey(
                        name: "FK_newcomer_assignments_newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "processors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AgreementDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_processors_municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "protocol_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProtocolId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Change = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocol_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "saved_searches",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_searches", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "staged_uploads",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Extension = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    Fraction = table.Column<double>(type: "double precision", nullable: true),
                    OutcomeJson = table.Column<string>(type: "text", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staged_uploads", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "trajectory_facts",
                columns: table => new
                {
                    DossierNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContractSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ContractEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkingOrStudyingAtSigning = table.Column<bool>(type: "boolean", nullable: false),
                    WorkOrStudyStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trajectory_facts", x => x.DossierNumber);
                });

            migrationBuilder.CreateTable(
                name: "activity_shares",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity_shares", x => new { x.ActivityId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_activity_shares_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_activity_shares_municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    NewcomerId = table.Column<long>(type: "bigint", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Hours = table.Column<double>(type: "double precision", nullable: true),
                    ConfirmedHours = table.Column<double>(type: "double precision", nullable: true),
                    HoursConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HoursConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StatusAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatusBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrolments_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_enrolments_municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_enrolments_newcomers_NewcomerId",
                        column: x => x.NewcomerId,
                        principalTable: "newcomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_CivicOrientationStatus_DossierNumb~",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "CivicOrientationStatus", "DossierNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_DutchLevel_DossierNumber",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "DutchLevel", "DossierNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_SearchName_Id",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "SearchName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Action_Seq",
                table: "audit_entries",
                columns: new[] { "Action", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Actor_Seq",
                table: "audit_entries",
                columns: new[] { "Actor", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At_Seq",
                table: "audit_entries",
                columns: new[] { "At", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Municipality_Action_Seq",
                table: "audit_entries",
                columns: new[] { "Municipality", "Action", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_activities_MunicipalityId_Title",
                table: "activities",
                columns: new[] { "MunicipalityId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_activity_shares_MunicipalityId",
                table: "activity_shares",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_api_clients_MunicipalityId",
                table: "api_clients",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_MunicipalityId",
                table: "contact_log",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_NewcomerId_At",
                table: "contact_log",
                columns: new[] { "NewcomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_deletion_records_MunicipalityNis_DossierNumber",
                table: "deletion_records",
                columns: new[] { "MunicipalityNis", "DossierNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_dpo_contacts_MunicipalityId",
                table: "dpo_contacts",
                column: "MunicipalityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_status_changes_EnrolmentId",
                table: "enrolment_status_changes",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_status_changes_MunicipalityId_Id",
                table: "enrolment_status_changes",
                columns: new[] { "MunicipalityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_ActivityId_Status",
                table: "enrolments",
                columns: new[] { "ActivityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_MunicipalityId_NewcomerId",
                table: "enrolments",
                columns: new[] { "MunicipalityId", "NewcomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_NewcomerId_Status_Hours",
                table: "enrolments",
                columns: new[] { "NewcomerId", "Status", "Hours" });

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_Job_Day",
                table: "job_runs",
                columns: new[] { "Job", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_newcomer_assignments_MunicipalityId_UserId",
                table: "newcomer_assignments",
                columns: new[] { "MunicipalityId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_processors_MunicipalityId_Name",
                table: "processors",
                columns: new[] { "MunicipalityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_protocol_versions_ProtocolId_Number",
                table: "protocol_versions",
                columns: new[] { "ProtocolId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_saved_searches_ExpiresAt",
                table: "saved_searches",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_staged_uploads_CreatedAt",
                table: "staged_uploads",
                column: "CreatedAt");
            migrationBuilder.Sql("UPDATE protocols SET \"EffectiveEndDate\" = \"EndDate\";");
            // The search form folds Arabic variants and the Ethiopic word space (NewcomerSearch): existing rows follow.
            migrationBuilder.Sql("UPDATE newcomers SET \"SearchName\" = replace(replace(replace(replace(replace(\"SearchName\", 'ى', 'ي'), 'ة', 'ه'), 'ـ', ''), '፡', ' '), 'ı', 'I') WHERE \"SearchName\" LIKE '%ى%' OR \"SearchName\" LIKE '%ة%' OR \"SearchName\" LIKE '%ـ%' OR \"SearchName\" LIKE '%፡%' OR \"SearchName\" LIKE '%ı%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_shares");

            migrationBuilder.DropTable(
                name: "api_clients");

            migrationBuilder.DropTable(
                name: "api_signing_keys");

            migrationBuilder.DropTable(
                name: "contact_log");

            migrationBuilder.DropTable(
                name: "deletion_records");

            migrationBuilder.DropTable(
                name: "dpo_contacts");

            migrationBuilder.DropTable(
                name: "enrolment_status_changes");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "newcomer_assignments");

            migrationBuilder.DropTable(
                name: "processors");

            migrationBuilder.DropTable(
                name: "protocol_versions");

            migrationBuilder.DropTable(
                name: "saved_searches");

            migrationBuilder.DropTable(
                name: "staged_uploads");

            migrationBuilder.DropTable(
                name: "trajectory_facts");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_CivicOrientationStatus_DossierNumb~",
                table: "newcomers");

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_DutchLevel_DossierNumber",
                table: "newcomers");

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_SearchName_Id",
                table: "newcomers");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Action_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Actor_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Municipality_Action_Seq",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "TotpLastStep",
                table: "users");

            migrationBuilder.DropColumn(
                name: "AgencyDpoAdviceOn",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "AgencySignatory",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "EffectiveEndDate",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "EndedRetentionDays",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "MunicipalDecisionOn",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "MunicipalDpoAdviceOn",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "MunicipalitySignatory",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "NoticeGivenOn",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "PublishedText",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "UnconfirmedRetentionMonths",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "protocols");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "function_profiles");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "function_profiles");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");
        }
    }
}
