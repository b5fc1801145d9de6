using System;
using Microsoft.AspNetCore.Mvc;

namespace OrdersApi.Controllers;

/// <summary>Built per request, after restore: its own values are fresh in every copy.</summary>
[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    private readonly IExchangeRates _rates;
    private readonly OrderNumbers _numbers;

    public OrdersController(IExchangeRates rates, OrderNumbers numbers)
    {
        _rates = rates;
        _numbers = numbers;
    }

    [HttpPost]
    public ActionResult<Order> Create(OrderRequest request)
        => new Order(_numbers.Next(), request.AmountUsd, _rates.ToEuro(request.AmountUsd), DateTime.UtcNow);

    [HttpGet("quote/{amountUsd}")]
    public ActionResult<decimal> Quote(decimal amountUsd) => _rates.ToEuro(amountUsd);
}
