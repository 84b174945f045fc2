using System.Net;
using ConnectorHub.Sdk.Testing.Emulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConnectorHub.EndToEnd.Tests.Support;

/// <summary>
/// A small shop's website for the browser tracking journey: a home page, pricing, sign-up, a product and a checkout,
/// each with the hub's snippet in its head (set through <see cref="Snippet"/>), calling <c>analytics.identify</c> and
/// <c>analytics.track</c> as a real site would. A call's element gets <c>data-sent</c> once the library has sent it.
/// </summary>
public sealed class LandingSite : IEmulator
{
    /// <summary>The snippet, as copied from the hub's Tracking page.</summary>
    public string Snippet { get; set; } = string.Empty;

    public string Name => "landing-site";

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Page("Autumn Shop", "<h1>Autumn Shop</h1><a href=\"/pricing\">Pricing</a> <a href=\"/signup\">Sign up</a>"));
        app.MapGet("/pricing", () => Page("Pricing", "<h1>Pricing</h1><p>Everything 19.99.</p><a href=\"/signup\">Sign up</a>"));
        app.MapGet("/signup", () => Page("Sign up", """
            <h1>Sign up</h1>
            <form id="signup">
              <label>Email <input name="email" type="email"></label>
              <label>First name <input name="firstName"></label>
              <button type="submit">Create my account</button>
            </form>
            <script>
              document.getElementById("signup").addEventListener("submit", function (e) {
                e.preventDefault();
                var form = e.target;
                var traits = { email: form.email.value, firstName: form.firstName.value, plan: "free" };
                Promise.all([analytics.identify("shopper-1", traits), analytics.track("Signed Up", { method: "email" })])
                  .then(function () { form.dataset.sent = "yes"; });
              });
            </script>
            """));
        app.MapGet("/product", () => Page("Wool scarf", """
            <h1>Wool scarf</h1>
            <button id="add">Add to cart</button>
            <script>
              document.getElementById("add").addEventListener("click", function (e) {
                Promise.resolve(analytics.track("Product Added", { product_id: "sku-scarf", name: "Wool scarf", price: 19.99, quantity: 1 }))
                  .then(function () { e.target.dataset.sent = "yes"; });
              });
            </script>
            """));
        app.MapGet("/checkout", () => Page("Checkout", """
            <h1>Checkout</h1>
            <button id="order">Complete order</button>
            <script>
              document.getElementById("order").addEventListener("click", function (e) {
                Promise.resolve(analytics.track("Order Completed", { order_id: "o-1001", total: 19.99, currency: "EUR", products: [{ product_id: "sku-scarf", quantity: 1 }] }))
                  .then(function () { e.target.dataset.sent = "yes"; });
              });
            </script>
            """));
    }

    private IResult Page(string title, string body) => Results.Content(
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>\n{Snippet}\n</head><body>{body}</body></html>", "text/html; charset=utf-8");
}
