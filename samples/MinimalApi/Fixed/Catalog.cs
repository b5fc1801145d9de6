using System;
using System.Collections.Generic;
using System.Linq;

namespace CatalogApi
{
    public sealed record Product(string Sku, string Name, decimal Price);

    /// <summary>The product catalog (a DynamoDB table in the deployed API).</summary>
    public sealed class ProductCatalog
    {
        private readonly Dictionary<string, Product> _products = new()
        {
            ["SKU-1"] = new Product("SKU-1", "Espresso beans 1 kg", 24.90m),
            ["SKU-2"] = new Product("SKU-2", "Filter papers", 3.50m),
            ["SKU-3"] = new Product("SKU-3", "Hand grinder", 79.00m),
        };

        public Product? Find(string sku) => _products.TryGetValue(sku, out var product) ? product : null;

        public IReadOnlyList<Product> All() => _products.Values.ToList();
    }
}
