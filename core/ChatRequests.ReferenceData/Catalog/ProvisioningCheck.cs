using System.Text.RegularExpressions;
using ChatRequests.Core.Provisioning;

namespace ChatRequests.ReferenceData.Catalog;

/// <summary>
/// Checks an item's provisioning as written in the catalog file: the first format (one AddToGroup) or a list of steps,
/// each with what its kind needs and nothing another kind takes. Ids go into Microsoft Graph URLs: object ids (GUIDs)
/// and nothing else. An unknown kind is refused when the file is read, naming its JSON path.
/// </summary>
public static partial class ProvisioningCheck
{
    private static readonly string Kinds = string.Join(", ", Enum.GetNames<ProvisioningStepKind>().Select(k => char.ToLowerInvariant(k[0]) + k[1..]));

    public static void Check(string itemName, ProvisioningPlan? provisioning, ProblemList problems)
    {
        if (provisioning is null)
        {
            return;
        }

        if (provisioning.Steps is not { } steps)
        {
            CheckFirstFormat(itemName, provisioning, problems);
            return;
        }

        if (provisioning.Action is not null || provisioning.GroupId.Length > 0 || provisioning.GroupName.Length > 0)
        {
            problems.Add($"{itemName} has provisioning with both steps and an action, groupId or groupName; put every step in steps.");
        }

        if (steps.Count == 0)
        {
            problems.Add($"{itemName} has provisioning with no steps; leave provisioning out for an item done by hand.");
        }

        for (var index = 0; index < steps.Count; index++)
        {
            CheckStep($"{itemName} provisioning step {index + 1}", steps[index], problems);
        }
    }

    private static void CheckFirstFormat(string itemName, ProvisioningPlan provisioning, ProblemList problems)
    {
        if (provisioning.Action is null)
        {
            problems.Add($"{itemName} has provisioning without an action; the one there is: {nameof(ProvisioningAction.AddToGroup)} (or list steps).");
        }

        CheckGroup($"{itemName} has provisioning", provisioning.GroupId, provisioning.GroupName, problems);
    }

    private static void CheckStep(string name, ProvisioningStep step, ProblemList problems)
    {
        switch (step.Kind)
        {
            case null:
                problems.Add($"{name} has no kind; the kinds are: {Kinds}.");
                return;
            case ProvisioningStepKind.AddToGroup or ProvisioningStepKind.RemoveFromGroup:
                CheckGroup($"{name} has", step.GroupId, step.GroupName, problems);
                break;
            case ProvisioningStepKind.AssignLicence:
                CheckObjectId($"{name} has", "skuId", "the id of the subscribed SKU", step.SkuId, problems);
                Require($"{name} has", "skuName", "the licence's name people read on the cards", step.SkuName, problems);
                foreach (var plan in step.DisabledPlans.Where(p => !Guid.TryParseExact(p, "D", out _)))
                {
                    problems.Add($"{name} has disabledPlans '{plan}', which is not a service plan id (a GUID).");
                }

                break;
            case ProvisioningStepKind.Webhook:
                CheckWebhook(name, step, problems);
                break;
        }

        CheckNothingForeign(name, step, problems);
    }

    private static void CheckWebhook(string name, ProvisioningStep step, ProblemList problems)
    {
        if (WebhookUrl.Problem(step.Url) is { } problem)
        {
            problems.Add($"{name} has url '{step.Url}', which {problem}.");
        }

        Require($"{name} has", "name", "who receives it, as people read it on the cards", step.Name, problems);
        if (string.IsNullOrWhiteSpace(step.Secret))
        {
            problems.Add($"{name} has no secret (the name of its signing secret in configuration, Provisioning:Webhooks:Secrets:<name>).");
        }
        else if (!SecretName().IsMatch(step.Secret))
        {
            problems.Add($"{name} has secret '{step.Secret}'; name the configuration entry (letters, digits, - and _), never the secret itself.");
        }
    }

    // A property of another kind is a mistake (a licence step with a groupId does not add anyone to a group).
    private static void CheckNothingForeign(string name, ProvisioningStep step, ProblemList problems)
    {
        var group = step.Kind is ProvisioningStepKind.AddToGroup or ProvisioningStepKind.RemoveFromGroup;
        var licence = step.Kind == ProvisioningStepKind.AssignLicence;
        var webhook = step.Kind == ProvisioningStepKind.Webhook;
        (string Property, bool Given, bool Belongs)[] properties =
        [
            ("groupId", step.GroupId is not null, group), ("groupName", step.GroupName is not null, group),
            ("skuId", step.SkuId is not null, licence), ("skuName", step.SkuName is not null, licence),
            ("disabledPlans", step.DisabledPlans.Count > 0, licence),
            ("url", step.Url is not null, webhook), ("secret", step.Secret is not null, webhook), ("name", step.Name is not null, webhook),
        ];
        foreach (var (property, _, _) in properties.Where(p => p.Given && !p.Belongs))
        {
            problems.Add($"{name} ({step.Kind}) has {property}, which that kind does not take.");
        }
    }

    private static void CheckGroup(string subject, string? groupId, string? groupName, ProblemList problems)
    {
        CheckObjectId(subject, "groupId", "the object id of the Entra ID group", groupId, problems);
        Require(subject, "groupName", "the name people read on the cards", groupName, problems);
    }

    private static void CheckObjectId(string subject, string property, string what, string? value, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Missing(subject, property, what));
        }
        else if (!Guid.TryParseExact(value, "D", out _))
        {
            var kind = property == "groupId" ? "an Entra ID object id" : "an id";
            problems.Add($"{subject} {property} '{value}', which is not {kind} (a GUID).");
        }
    }

    private static void Require(string subject, string property, string what, string? value, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Missing(subject, property, what));
        }
    }

    // "item 'x' has provisioning without a groupId (...)" as the first format always said; "step 2 has no groupId (...)".
    private static string Missing(string subject, string property, string what) =>
        subject.EndsWith("has provisioning", StringComparison.Ordinal)
            ? $"{subject} without a {property} ({what})."
            : $"{subject} no {property} ({what}).";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SecretName();
}
