using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>
/// A patient record account with two sensitive answers (as samples/hospital has it), taken through every role that can
/// meet it: approved by a delegate on the manager's behalf and by IT security, assigned, then reassigned.
/// </summary>
public static class SensitiveRequests
{
    public const string EmployeeNumber = "E654321";
    public const string EarlierEmployeeNumber = "E123456";
    public const string CostCentre = "RX1234";

    public static readonly PersonRef DelegateApprover = new("u-del", "Grace Liu");
    public static readonly PersonRef OtherSecurityApprover = SecurityGroup[1];
    public static readonly PersonRef Assignee = new("u-agent2", "Tomás Ortega");
    public static readonly PersonRef FormerAssignee = Agent;
    public static readonly PersonRef Member = new("u-member", "Priya Natarajan");
    public static readonly PersonRef Lead = new("u-lead", "Helga Sørensen");
    public static readonly PersonRef Stranger = new("u-stranger", "Sam Stranger");
    public static readonly PersonRef Auditor = new("u-auditor", "Ada Auditor");

    public static CatalogItem EprAccount { get; } = new()
    {
        Id = "epr-account",
        Name = "Patient record (EPR) account",
        Category = "Clinical systems",
        Approval = ApprovalPolicy.ManagerThenGroup,
        ApproverGroupId = "grp-ig",
        Fields =
        [
            new() { Id = "role", Label = "Role in the record", Type = FieldType.Choice, Required = true, Choices = ["Doctor", "Nurse"] },
            new() { Id = "employeeNumber", Label = "Employee number", Required = true, Sensitive = true },
            new() { Id = "costCentre", Label = "Cost centre", Required = true, Sensitive = true },
        ],
    };

    /// <summary>Every role, and whether it may read the sensitive answers.</summary>
    public static TheoryData<string, bool> Roles => new()
    {
        { "requester", true },
        { "manager who delegated", true },
        { "delegate who decided", true },
        { "approver who decided", true },
        { "approver of the stage who did not decide", true },
        { "assignee", true },
        { "former assignee", false },
        { "other team member", false },
        { "team lead", false },
        { "stranger", false },
        { "auditor", false },
    };

    public static PersonRef Person(string role) => role switch
    {
        "requester" => Requester,
        "manager who delegated" => Manager,
        "delegate who decided" => DelegateApprover,
        "approver who decided" => SecurityLead,
        "approver of the stage who did not decide" => OtherSecurityApprover,
        "assignee" => Assignee,
        "former assignee" => FormerAssignee,
        "other team member" => Member,
        "team lead" => Lead,
        "stranger" => Stranger,
        "auditor" => Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>
    /// Logged with <see cref="EarlierEmployeeNumber"/>, changed by the requester to <see cref="EmployeeNumber"/>, approved,
    /// assigned to <see cref="FormerAssignee"/> and given to <see cref="Assignee"/>, who noted the number in the status.
    /// </summary>
    public static ServiceRequest Worked()
    {
        var r = Logged();
        r.Edit(Requester, new RequestChange("edit-1", r.Justification, new Dictionary<string, string>(r.Fields) { ["employeeNumber"] = EmployeeNumber }), [], null, Start.AddMinutes(5));
        r.Decide(DelegateApprover, approve: true, "Fine.", 0, Start.AddMinutes(10));
        r.Decide(SecurityLead, approve: true, null, 1, Start.AddMinutes(20));
        r.Assign(FormerAssignee, FormerAssignee, Start.AddMinutes(30));
        r.Reassign(FormerAssignee, Assignee, Start.AddMinutes(40));
        r.SetStatus(Assignee, RequestState.InProgress, $"Checked {EmployeeNumber} against HR", Start.AddMinutes(50));
        return r;
    }

    /// <summary>Just logged: the manager's stage is with their delegate.</summary>
    public static ServiceRequest Logged(bool sensitive = true)
    {
        var labels = FieldLabel.Of(EprAccount);
        return ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000077",
                "form-REQ-000077",
                Requester,
                EprAccount.Id,
                EprAccount.Name,
                EprAccount.Category,
                null,
                "New starter on Ward 7B.",
                new Dictionary<string, string> { ["role"] = "Nurse", ["employeeNumber"] = EarlierEmployeeNumber, ["costCentre"] = CostCentre },
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-clinical",
                "Clinical Systems",
                Start.AddHours(40),
                [new("Manager approval", [Manager]), new("Information Governance", [SecurityLead, OtherSecurityApprover])],
                FieldLabels: sensitive ? labels : [.. labels.Select(l => l with { Sensitive = false })],
                StandIns: new Dictionary<string, StandIn> { [Manager.Id] = new(DelegateApprover, Manager, "delegated until 31 Dec 2026") }),
            Start);
    }
}
