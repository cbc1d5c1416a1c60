using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatRequests.Testing;

/// <summary>
/// The loopback Graph's other provisioning writes: DELETE /groups/{id}/members/{id}/$ref (204; 404 "removed object
/// references do not exist" for someone who is not a member; 404 "does not exist" for no such group or person; 403 for
/// a refused group) and POST /users/{id}/assignLicense (200 with the user, also for a licence assigned already; 400 for
/// an unknown SKU or none left; 403 when the app may not assign; 404 for no such user).
/// </summary>
public sealed partial class FakeGraphServer
{
    public sealed record MemberRemoved(string GroupId, string MemberId);

    public sealed record LicenceAssigned(string UserId, string SkuId, IReadOnlyList<string> DisabledPlans);

    /// <summary>Every DELETE members/{id}/$ref that was answered 204, in order.</summary>
    public ConcurrentQueue<MemberRemoved> MembersRemoved { get; } = new();

    /// <summary>Every assignLicense that gave someone a licence they did not have, in order.</summary>
    public ConcurrentQueue<LicenceAssigned> LicencesAssigned { get; } = new();

    /// <summary>The tenant's subscribed SKUs and how many of each are still free; another SKU is unknown (400).</summary>
    public ConcurrentDictionary<string, int> FreeLicences { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SKUs each user holds, with the disabled plans of each.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, IReadOnlyList<string>>> Licences { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>assignLicense is refused with 403 (the app lacks User.ReadWrite.All).</summary>
    public bool RefuseLicenceAssignment { get; set; }

    private void MapProvisioningWrites()
    {
        _app.MapDelete("/v1.0/groups/{id}/members/{memberId}/$ref", async (HttpContext context, string id, string memberId) =>
        {
            if (RefusedGroups.ContainsKey(id))
            {
                await WriteError(context, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
                return;
            }

            if (!Groups.TryGetValue(id, out var members) || !Users.ContainsKey(memberId))
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    $"Resource '{(members is null ? id : memberId)}' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            int removed;
            lock (members)
            {
                removed = members.RemoveAll(m => m.Id == memberId);
            }

            if (removed == 0)
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    "One or more removed object references do not exist for the following modified properties: 'members'.");
                return;
            }

            MembersRemoved.Enqueue(new MemberRemoved(id, memberId));
            context.Response.StatusCode = 204;
        });

        _app.MapPost("/v1.0/users/{id}/assignLicense", async (HttpContext context, string id) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            if (!Users.TryGetValue(id, out var user))
            {
                await WriteError(context, 404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            if (RefuseLicenceAssignment)
            {
                await WriteError(context, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
                return;
            }

            var held = Licences.GetOrAdd(id, _ => new(StringComparer.OrdinalIgnoreCase));
            foreach (var licence in body?["addLicenses"]?.AsArray() ?? [])
            {
                var sku = licence!["skuId"]!.GetValue<string>();
                var disabled = (licence["disabledPlans"]?.AsArray() ?? []).Select(p => p!.GetValue<string>()).ToList();
                if (!FreeLicences.TryGetValue(sku, out var free))
                {
                    await WriteError(context, 400, "Request_BadRequest", $"License {sku} does not correspond to a valid company License.");
                    return;
                }

                // Assigning a licence the user holds sets its disabled plans again and uses no other licence.
                if (!held.ContainsKey(sku))
                {
                    if (free <= 0)
                    {
                        await WriteError(context, 400, "Request_BadRequest", $"Subscription {sku} does not have any available licenses.");
                        return;
                    }

                    FreeLicences[sku] = free - 1;
                    LicencesAssigned.Enqueue(new LicenceAssigned(id, sku, disabled));
                }

                held[sku] = disabled;
            }

            await WriteJson(context, 200, new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#users/$entity",
                ["id"] = user.Id,
                ["displayName"] = user.DisplayName,
            });
        });
    }
}
