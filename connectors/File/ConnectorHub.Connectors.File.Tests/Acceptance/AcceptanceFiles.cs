using System.Globalization;
using System.Text;

namespace ConnectorHub.Connectors.File.Tests.Acceptance;

/// <summary>
/// The files the acceptance fixture reads: customers (CSV, cursor <c>updated_at</c> with ties), orders (a folder of
/// two CSV files, typed, incremental by modification time) and events (JSON Lines, numeric cursor <c>seq</c>).
/// </summary>
public static class AcceptanceFiles
{
    public const int Customers = 40;
    public const int OrdersPerFile = 25;
    public const int Events = 30;

    public static readonly DateTime January = new(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime February = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly string[] OrderFiles = ["orders-2024-01.csv", "orders-2024-02.csv"];

    /// <summary>Writes every file into <paramref name="folder"/> (orders into its <c>orders</c> subfolder).</summary>
    public static void WriteAll(TempFolder folder)
    {
        folder.Write("customers.csv", CustomersCsv());
        Directory.CreateDirectory(folder["orders"]);
        folder.Write(Path.Combine("orders", OrderFiles[0]), OrdersCsv(1));
        folder.Write(Path.Combine("orders", OrderFiles[1]), OrdersCsv(OrdersPerFile + 1));
        folder.Touch(Path.Combine("orders", OrderFiles[0]), January);
        folder.Touch(Path.Combine("orders", OrderFiles[1]), February);
        folder.Write("events.jsonl", EventsJsonLines());
    }

    /// <summary>Two customers share each <c>updated_at</c>, so the cursor's boundary always holds a tie.</summary>
    public static string CustomersCsv()
    {
        var text = new StringBuilder("customer_id,email,first_name,last_name,phone,updated_at\n");
        for (var i = 1; i <= Customers; i++)
        {
            var updated = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours((i - 1) / 2);
            text.Append(CultureInfo.InvariantCulture, $"C{i:000},Customer{i}@Shop.example,\"Ann {i}\",Lee,(415) 555-{i:0000},{updated:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        return text.ToString();
    }

    public static string OrdersCsv(int first)
    {
        var text = new StringBuilder("order_id,customer_id,total,currency,placed_at\n");
        for (var id = first; id < first + OrdersPerFile; id++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id},C{(id % Customers) + 1:000},{id}.50,EUR,2024-01-{(id % 28) + 1:00}T10:00:00Z\n");
        }

        return text.ToString();
    }

    public static string EventsJsonLines()
    {
        var text = new StringBuilder();
        for (var seq = 1; seq <= Events; seq++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"message_id\":\"evt-{seq:000}\",\"seq\":{seq},\"type\":\"track\",\"event\":\"Product Viewed\",\"properties\":{{\"sku\":\"SKU-{seq % 7}\"}}}}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A CSV file of <paramref name="rows"/> wide order rows (about 190 characters each as JSON), written streaming.
    /// </summary>
    public static void WriteLargeOrders(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.Write("order_id,email,customer_name,total,currency,placed_at,note\n");
        for (var i = 1; i <= rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i},customer{i}@example.com,\"Customer {i}, Jr.\",{i % 997}.99,EUR,2024-03-05T14:{i % 60:00}:00Z,\"said \"\"hello\"\" at the till\"\n"));
        }
    }
}
