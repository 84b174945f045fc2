using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConnectorHub.Core.Tests.Mapping;

/// <summary>Sample source records and mappings shaped like the real APIs (see api-contracts.md).</summary>
internal static class Samples
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON text that keeps + and accents readable, for comparing outputs in assertions.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public const string HubSpotContactsYaml = """
        # HubSpot contacts -> profile fragments
        entity: profile_fragment
        description: HubSpot CRM contacts
        when: "!archived"
        settings:
          default_region: US
          time_zone: America/New_York
        fields:
          source: { const: hubspot }
          record_key: id
          observed_at: { from: updatedAt, type: date-time }
          identifiers[]:
            - type: { const: hubspot.contact_id }
              value: id
            - type: { const: email }
              value: { from: properties.email, normalize: email }
            - type: { const: phone }
              value: { from: properties.phone, normalize: phone, on_error: skip }
          traits.first_name: { from: properties.firstname, normalize: name }
          traits.last_name: { from: properties.lastname, normalize: name }
          traits.email: { from: properties.email, normalize: email }
          traits.phone: { from: properties.phone, normalize: phone }
          traits.company: { from: properties.company, normalize: name }
          traits.title: properties.jobtitle
          traits.birthday: { from: properties.date_of_birth, type: date }
          traits.created_at: { from: properties.createdate, normalize: datetime }
          traits.address.city: { from: properties.city, normalize: name }
          traits.address.country: { from: properties.country, normalize: country }
          traits.lifecycle_stage: { from: properties.lifecyclestage, normalize: lowercase }
          traits.full_name: "{{ name properties.firstname }} {{ name properties.lastname }}"
          traits.email_sha256: { from: properties.email, normalize: [email, sha256] }
          traits.lead_score: { from: properties.hubspotscore, type: integer, default: 0 }
          consent.email:
            template: '{{ if properties.hs_email_optout == "true" }}false{{ else }}true{{ end }}'
            type: boolean
        """;

    public const string HubSpotContactsJson = """
        {
          "entity": "profile_fragment",
          "description": "HubSpot CRM contacts",
          "when": "!archived",
          "settings": { "default_region": "US", "time_zone": "America/New_York" },
          "fields": {
            "source": { "const": "hubspot" },
            "record_key": "id",
            "observed_at": { "from": "updatedAt", "type": "date-time" },
            "identifiers[]": [
              { "type": { "const": "hubspot.contact_id" }, "value": "id" },
              { "type": { "const": "email" }, "value": { "from": "properties.email", "normalize": "email" } },
              { "type": { "const": "phone" }, "value": { "from": "properties.phone", "normalize": "phone", "on_error": "skip" } }
            ],
            "traits.first_name": { "from": "properties.firstname", "normalize": "name" },
            "traits.last_name": { "from": "properties.lastname", "normalize": "name" },
            "traits.email": { "from": "properties.email", "normalize": "email" },
            "traits.phone": { "from": "properties.phone", "normalize": "phone" },
            "traits.company": { "from": "properties.company", "normalize": "name" },
            "traits.title": "properties.jobtitle",
            "traits.birthday": { "from": "properties.date_of_birth", "type": "date" },
            "traits.created_at": { "from": "properties.createdate", "normalize": "datetime" },
            "traits.address.city": { "from": "properties.city", "normalize": "name" },
            "traits.address.country": { "from": "properties.country", "normalize": "country" },
            "traits.lifecycle_stage": { "from": "properties.lifecyclestage", "normalize": "lowercase" },
            "traits.full_name": "{{ name properties.firstname }} {{ name properties.lastname }}",
            "traits.email_sha256": { "from": "properties.email", "normalize": ["email", "sha256"] },
            "traits.lead_score": { "from": "properties.hubspotscore", "type": "integer", "default": 0 },
            "consent.email": {
              "template": "{{ if properties.hs_email_optout == \"true\" }}false{{ else }}true{{ end }}",
              "type": "boolean"
            }
          }
        }
        """;

    /// <summary>A HubSpot CRM v3 contact as the list endpoint returns it: every property a string.</summary>
    public static JsonObject HubSpotContact(string id = "51", string email = " Ann.Lee@Example.COM ", string phone = "(415) 555-0132", bool archived = false) => Parse($$"""
        {
          "id": "{{id}}",
          "properties": {
            "createdate": "2024-01-05T10:11:12.345Z",
            "email": "{{email}}",
            "firstname": "  Ann ",
            "lastname": "Lee",
            "phone": "{{phone}}",
            "company": "Acme   Corp",
            "jobtitle": "CTO",
            "city": " London ",
            "country": "United Kingdom",
            "date_of_birth": "1990-07-04",
            "hs_email_optout": "false",
            "lifecyclestage": "Customer",
            "hubspotscore": "42",
            "lastmodifieddate": "2024-06-01T08:00:00.000Z",
            "hs_object_id": "{{id}}"
          },
          "createdAt": "2024-01-05T10:11:12.345Z",
          "updatedAt": "2024-06-01T08:00:00.000Z",
          "archived": {{(archived ? "true" : "false")}}
        }
        """);

    public const string SquareOrdersYaml = """
        entity: order
        when: { path: state, not_equals: DRAFT }
        settings:
          default_currency: USD
        fields:
          order_id: id
          source: { const: square }
          channel: '{{ if source.name == "Square Online" }}online{{ else }}in_store{{ end }}'
          customer_identifiers[]:
            - type: { const: square.customer_id }
              value: customer_id
          status: { from: state, normalize: lowercase }
          currency: { from: total_money.currency, normalize: currency }
          tax: { from: total_tax_money, normalize: minor_units }
          discount: { from: total_discount_money, normalize: minor_units }
          total: { from: total_money, normalize: minor_units, required: true }
          line_items[]:
            each: line_items
            fields:
              product_id: catalog_object_id
              name: "{{ name }}{{ if variation_name }} ({{ variation_name }}){{ end }}"
              quantity: { from: quantity, type: number, required: true }
              unit_price: { from: base_price_money, normalize: minor_units }
              total: { from: total_money, normalize: minor_units }
          placed_at: { from: created_at, type: date-time }
          updated_at: { from: updated_at, type: date-time }
        """;

    /// <summary>A Square order as SearchOrders returns it: money in minor units, quantities as strings.</summary>
    public static JsonObject SquareOrder(string id = "CAISEM82RcpmcFBM0TfOyiHV3es", string state = "COMPLETED", string quantity = "2") => Parse($$"""
        {
          "id": "{{id}}",
          "location_id": "L88917AVBK2S5",
          "customer_id": "JDKYHBWT1D4F8MFH63DBMEN8Y4",
          "source": { "name": "Square Online" },
          "state": "{{state}}",
          "version": 3,
          "line_items": [
            { "uid": "a1", "name": "Latte", "variation_name": "Large", "quantity": "{{quantity}}", "catalog_object_id": "CAT-LATTE",
              "base_price_money": { "amount": 450, "currency": "USD" }, "total_money": { "amount": 900, "currency": "USD" } },
            { "uid": "a2", "name": "Croissant", "quantity": "1", "catalog_object_id": "CAT-CROISSANT",
              "base_price_money": { "amount": 350, "currency": "USD" }, "total_money": { "amount": 350, "currency": "USD" } }
          ],
          "total_money": { "amount": 1250, "currency": "USD" },
          "total_tax_money": { "amount": 0, "currency": "USD" },
          "total_discount_money": { "amount": 0, "currency": "USD" },
          "created_at": "2024-06-01T08:00:00.000Z",
          "updated_at": "2024-06-01T08:05:00Z",
          "closed_at": "2024-06-01T08:05:00Z"
        }
        """);
}
