using System.Globalization;
using System.Text.Json.Nodes;
using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.Stripe;

/// <summary>Customer and Charge objects in the API's JSON shape (API version 2026-02-25), seeded from the sandbox's people.</summary>
internal static class StripeObjects
{
    public static JsonObject Customer(SandboxPerson person, string id, long created) => new()
    {
        ["id"] = id,
        ["object"] = "customer",
        ["address"] = new JsonObject
        {
            ["city"] = person.Address.City,
            ["country"] = person.Address.Country,
            ["line1"] = person.Address.Street,
            ["line2"] = null,
            ["postal_code"] = person.Address.PostalCode,
            ["state"] = person.Address.State,
        },
        ["balance"] = 0,
        ["created"] = created,
        ["currency"] = "usd",
        ["default_source"] = null,
        ["delinquent"] = false,
        ["description"] = null,
        ["discount"] = null,
        ["email"] = person.Email,
        ["invoice_prefix"] = id[4..12].ToUpperInvariant(),
        ["invoice_settings"] = new JsonObject { ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null, ["rendering_options"] = null },
        ["livemode"] = false,
        ["metadata"] = new JsonObject { ["company"] = person.Company },
        ["name"] = $"{person.FirstName} {person.LastName}",
        ["next_invoice_sequence"] = 1,
        ["phone"] = person.PhoneAs(PhoneStyle.E164),
        ["preferred_locales"] = new JsonArray("en-US"),
        ["shipping"] = null,
        ["tax_exempt"] = "none",
        ["test_clock"] = null,
    };

    public static JsonObject Charge(string id, long created, long amount, string? customer, SandboxPerson? payer, bool failed) => new()
    {
        ["id"] = id,
        ["object"] = "charge",
        ["amount"] = amount,
        ["amount_captured"] = failed ? 0 : amount,
        ["amount_refunded"] = 0,
        ["application"] = null,
        ["application_fee"] = null,
        ["application_fee_amount"] = null,
        ["balance_transaction"] = failed ? null : "txn_" + id[3..],
        ["billing_details"] = new JsonObject
        {
            ["address"] = new JsonObject { ["city"] = payer?.Address.City, ["country"] = payer?.Address.Country, ["line1"] = payer?.Address.Street, ["line2"] = null, ["postal_code"] = payer?.Address.PostalCode, ["state"] = payer?.Address.State },
            ["email"] = payer?.Email,
            ["name"] = payer is null ? null : $"{payer.FirstName} {payer.LastName}",
            ["phone"] = null,
        },
        ["calculated_statement_descriptor"] = "SANDBOX COFFEE",
        ["captured"] = !failed,
        ["created"] = created,
        ["currency"] = "usd",
        ["customer"] = customer,
        ["description"] = null,
        ["disputed"] = false,
        ["failure_balance_transaction"] = null,
        ["failure_code"] = failed ? "card_declined" : null,
        ["failure_message"] = failed ? "Your card was declined." : null,
        ["fraud_details"] = new JsonObject(),
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["on_behalf_of"] = null,
        ["outcome"] = new JsonObject
        {
            ["network_status"] = failed ? "declined_by_network" : "approved_by_network",
            ["reason"] = failed ? "generic_decline" : null,
            ["risk_level"] = "normal",
            ["risk_score"] = 20 + (amount % 40),
            ["seller_message"] = failed ? "The bank did not return any further details with this decline." : "Payment complete.",
            ["type"] = failed ? "issuer_declined" : "authorized",
        },
        ["paid"] = !failed,
        ["payment_intent"] = "pi_" + id[3..],
        ["payment_method"] = "pm_" + id[3..],
        ["payment_method_details"] = new JsonObject { ["type"] = "card", ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = "4242", ["exp_month"] = 12, ["exp_year"] = 2030, ["funding"] = "credit", ["country"] = "US" } },
        ["receipt_email"] = payer?.Email,
        ["receipt_number"] = null,
        ["receipt_url"] = failed ? null : $"https://pay.stripe.com/receipts/sandbox/{id}",
        ["refunded"] = false,
        ["review"] = null,
        ["shipping"] = null,
        ["source_transfer"] = null,
        ["statement_descriptor"] = null,
        ["statement_descriptor_suffix"] = null,
        ["status"] = failed ? "failed" : "succeeded",
        ["transfer_data"] = null,
        ["transfer_group"] = null,
    };

    public static string Id(string prefix, int index) =>
        prefix + "_" + (index * 2654435761u).ToString("x8", CultureInfo.InvariantCulture).ToUpperInvariant() + index.ToString("D6", CultureInfo.InvariantCulture);
}
