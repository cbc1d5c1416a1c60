namespace ChatRequests.Core.Approvals;

/// <summary>Approval settings of the deployment (configuration section <c>Approval</c>).</summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approval";

    /// <summary>
    /// Hours a stage's approvers have to answer before it goes to its fallback, for items without their own
    /// <c>approvalTimeoutHours</c>; null (the default): such items' stages never time out.
    /// </summary>
    public int? DefaultTimeoutHours { get; set; }
}
