using ConnectorHub.Sandbox.Square.Data;
using ConnectorHub.Sandbox.Square.Seed;

namespace ConnectorHub.Sandbox.Square;

/// <summary>How tests change the seller's data: every change stamps <c>updated_at</c> with the emulator's clock.</summary>
public sealed partial class SquareEmulator
{
    /// <summary>Changes a customer (found by id) and stamps it as updated now; returns it.</summary>
    public SquareCustomer UpdateCustomer(string id, Action<SquareCustomer>? change = null)
    {
        lock (_gate)
        {
            var customer = _customers.Single(c => c.Id == id);
            change?.Invoke(customer);
            customer.UpdatedAt = Now();
            customer.Version++;
            Changed();
            return customer;
        }
    }

    /// <summary>Adds a customer profile created now.</summary>
    public SquareCustomer AddCustomer(string givenName, string familyName, string? email = null, string? phone = null)
    {
        lock (_gate)
        {
            var now = Now();
            var customer = new SquareCustomer
            {
                Id = SquareSeed.UpperId(_ids, 26),
                CreatedAt = now,
                UpdatedAt = now,
                GivenName = givenName,
                FamilyName = familyName,
                EmailAddress = email,
                PhoneNumber = phone,
                Version = 1,
            };
            _customers.Add(customer);
            Changed();
            return customer;
        }
    }

    /// <summary>Changes an order (found by id), stamps it updated now and bumps its version; returns it.</summary>
    public SquareOrder UpdateOrder(string id, Action<SquareOrder>? change = null)
    {
        lock (_gate)
        {
            var order = _orders.Single(o => o.Id == id);
            change?.Invoke(order);
            order.UpdatedAt = Now();
            order.Version++;
            Changed();
            return order;
        }
    }

    /// <summary>Refunds part of a payment now: the payment and its order are both updated.</summary>
    public SquarePayment RefundPayment(string id, long amount)
    {
        lock (_gate)
        {
            var payment = _payments.Single(p => p.Id == id);
            payment.Refunded += amount;
            payment.UpdatedAt = Now();
            var order = _orders.Single(o => o.Id == payment.OrderId);
            order.UpdatedAt = payment.UpdatedAt;
            order.Version++;
            Changed();
            return payment;
        }
    }
}
