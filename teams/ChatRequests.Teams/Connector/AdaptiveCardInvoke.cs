using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ChatRequests.Teams.Connector;

/// <summary>The <c>Action.Execute</c> a user (or an automatic refresh) triggered: a copy of the card's action, with the inputs merged into <see cref="Data"/>.</summary>
public sealed record AdaptiveCardInvokeAction(string Type, string Verb, string? Id, JsonObject Data);

/// <summary>
/// The value of an <c>adaptiveCard/action</c> invoke:
/// <code>{"action":{"type":"Action.Execute","id":"...","verb":"...","data":{...}},"trigger":"automatic|manual"}</code>
/// (Adaptive Cards docs, "Universal Action Model", Request format). <see cref="Trigger"/> is optional: the Agents
/// Playground does not send it.
/// </summary>
public sealed record AdaptiveCardInvoke(AdaptiveCardInvokeAction Action, string? Trigger)
{
    public const string InvokeName = "adaptiveCard/action";
    public const string ExecuteActionType = "Action.Execute";

    /// <summary>True when a refresh (not a click) sent the invoke.</summary>
    public bool IsAutomaticRefresh => string.Equals(Trigger, "automatic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the invoke from an activity, checking that it is an <c>adaptiveCard/action</c> invoke.</summary>
    public static bool TryParse(
        Activity activity, [NotNullWhen(true)] out AdaptiveCardInvoke? invoke, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(activity);
        invoke = null;
        if (activity.Type != ActivityTypes.Invoke || activity.Name != InvokeName)
        {
            error = $"expected an invoke named '{InvokeName}', got type '{activity.Type}' name '{activity.Name}'";
            return false;
        }

        return TryParse(activity.Value, out invoke, out error);
    }

    /// <summary>Reads the invoke value; on failure <paramref name="error"/> names the missing or mistyped piece.</summary>
    public static bool TryParse(
        JsonNode? value, [NotNullWhen(true)] out AdaptiveCardInvoke? invoke, [NotNullWhen(false)] out string? error)
    {
        invoke = null;
        if (value is not JsonObject root)
        {
            error = $"value must be an object, was {UntypedJson.KindOf(value)}";
            return false;
        }

        if (root["action"] is not JsonObject action)
        {
            error = root.ContainsKey("action") ? $"value.action must be an object, was {UntypedJson.KindOf(root["action"])}" : "value.action is missing";
            return false;
        }

        if (!TryString(action, "type", required: true, out var type, out error)
            || !TryString(action, "verb", required: true, out var verb, out error)
            || !TryString(action, "id", required: false, out var id, out error)
            || !TryString(root, "trigger", required: false, out var trigger, out error, path: "value"))
        {
            return false;
        }

        if (type != ExecuteActionType)
        {
            error = $"value.action.type must be '{ExecuteActionType}', was '{type}'";
            return false;
        }

        JsonObject data;
        switch (action["data"])
        {
            case null:
                data = [];
                break;
            case JsonObject given:
                data = given.DeepClone().AsObject();
                break;
            default:
                error = $"value.action.data must be an object, was {UntypedJson.KindOf(action["data"])}";
                return false;
        }

        invoke = new AdaptiveCardInvoke(new AdaptiveCardInvokeAction(type, verb!, id, data), trigger);
        error = null;
        return true;
    }

    private static bool TryString(
        JsonObject parent, string name, bool required, out string? text, [NotNullWhen(false)] out string? error, string path = "value.action")
    {
        text = null;
        error = null;
        var node = parent[name];
        if (node is null)
        {
            if (required)
            {
                error = $"{path}.{name} is missing";
                return false;
            }

            return true;
        }

        if (node is not JsonValue value || !value.TryGetValue(out text))
        {
            error = $"{path}.{name} must be a string, was {UntypedJson.KindOf(node)}";
            return false;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            error = $"{path}.{name} is empty";
            return false;
        }

        return true;
    }
}
