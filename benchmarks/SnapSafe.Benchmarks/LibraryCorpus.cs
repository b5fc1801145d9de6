using System.Collections.Generic;

namespace SnapSafe.Benchmarks
{
    /// <summary>
    /// A large ordinary library with no Lambda code, of the shape of a real one: a core of generic abstractions
    /// (repositories, specifications, results, paging, an event bus) and modules that build on it and on each other:
    /// records and record structs, generic constraints, interfaces, LINQ in query and method syntax, async methods and
    /// async streams, pattern matching, string formatting, and the APIs SnapSafe cares about in Lambda code
    /// (<c>Random</c>, <c>Guid.NewGuid</c>, <c>DateTime.UtcNow</c>, <c>HttpClient</c>) used the way a library uses them.
    /// No real library of this size restores as a source package from the feeds the harness can use, so it is
    /// generated: 250 files make about 70,000 lines.
    /// </summary>
    internal static class LibraryCorpus
    {
        public static List<(string Path, string Text)> Create(int files)
        {
            var result = new List<(string, string)> { ("Core/Abstractions.cs", Core) };
            for (var i = 1; i < files; i++)
            {
                result.Add(($"M{i % 25}/Product{i}.cs", Module(i)));
            }

            return result;
        }

        private static string Ns(int i) => $"Contoso.Commerce.M{i % 25}";

        private static string Module(int i)
        {
            // Each module uses the module before it and one further back, in other files and namespaces.
            var previous = i - 1;
            var far = i / 2;
            var upstream = previous >= 1 ? $"{Ns(previous)}.Product{previous}Service" : null;
            var farProduct = far >= 1 ? $"{Ns(far)}.Product{far}" : null;
            var upstreamField = upstream != null ? $"private readonly {upstream}? _upstream;" : "private readonly object? _upstream = null;";
            var upstreamParameter = upstream != null ? $", {upstream}? upstream = null" : string.Empty;
            var upstreamAssign = upstream != null ? "_upstream = upstream;" : string.Empty;
            var upstreamTotal = upstream != null
                ? "_upstream is null ? 0m : (await _upstream.TotalsByStatusAsync(cancellationToken).ConfigureAwait(false)).Values.Sum(m => m.Amount)"
                : "0m";
            var farJoin = farProduct != null
                ? $@"
        public static IEnumerable<(string Name, string Other, decimal Difference)> CompareWith(IEnumerable<Product{i}> products, IEnumerable<{farProduct}> others)
            => from product in products
               join other in others on product.Name equals other.Name
               let difference = product.Price.Amount - other.Price.Amount
               where difference != 0m
               orderby difference descending, product.Name
               select (product.Name, other.Name, difference);
"
                : string.Empty;

            return $@"using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Core;

namespace {Ns(i)}
{{
    public enum ProductStatus{i}
    {{
        Draft,
        Active,
        Discontinued,
        Archived,
    }}

    public readonly record struct Tag{i}(string Key, string Value)
    {{
        public static Tag{i} Parse(string text)
        {{
            var separator = text.IndexOf('=');
            return separator < 0 ? new Tag{i}(text.Trim(), string.Empty) : new Tag{i}(text[..separator].Trim(), text[(separator + 1)..].Trim());
        }}

        public override string ToString() => Value.Length == 0 ? Key : $""{{Key}}={{Value}}"";
    }}

    public sealed record Product{i}(Guid Id, string Name, Money Price, ProductStatus{i} Status, DateTimeOffset Updated, IReadOnlyList<Tag{i}> Tags) : IEntity<Guid>
    {{
        public bool IsSellable => Status == ProductStatus{i}.Active && Price.Amount > 0m;

        public Product{i} WithPrice(Money price, IClock clock) => this with {{ Price = price, Updated = clock.Now }};

        public Product{i} WithStatus(ProductStatus{i} status, IClock clock) => this with {{ Status = status, Updated = clock.Now }};

        public bool HasTag(string key) => Tags.Any(tag => string.Equals(tag.Key, key, StringComparison.OrdinalIgnoreCase));
    }}

    public interface IProduct{i}Repository : IRepository<Product{i}, Guid>
    {{
        Task<IReadOnlyList<Product{i}>> FindByTagAsync(string key, CancellationToken cancellationToken = default);
    }}

    public sealed class Product{i}Repository : InMemoryRepository<Product{i}, Guid>, IProduct{i}Repository
    {{
        public async Task<IReadOnlyList<Product{i}>> FindByTagAsync(string key, CancellationToken cancellationToken = default)
        {{
            var result = new List<Product{i}>();
            await foreach (var product in ListAsync(new PredicateSpecification<Product{i}>(p => p.HasTag(key)), cancellationToken).ConfigureAwait(false))
            {{
                result.Add(product);
            }}

            return result;
        }}
    }}

    public sealed class Product{i}Validator
    {{
        private const int MaxNameLength = {40 + i % 60};
        private static readonly HashSet<string> ReservedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) {{ ""internal"", ""hidden"", ""m{i}"" }};

        public Result<Product{i}> Validate(Product{i} product)
        {{
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(product.Name))
            {{
                errors.Add(""name is required"");
            }}
            else if (product.Name.Length > MaxNameLength)
            {{
                errors.Add($""name is longer than {{MaxNameLength}} characters"");
            }}

            errors.AddRange(product.Tags.Where(tag => ReservedTags.Contains(tag.Key)).Select(tag => $""tag '{{tag.Key}}' is reserved""));
            var priceError = product.Price switch
            {{
                {{ Amount: < 0m }} => ""price is negative"",
                {{ Amount: 0m }} when product.Status == ProductStatus{i}.Active => ""an active product needs a price"",
                {{ Currency.Length: not 3 }} => ""currency must be an ISO code"",
                _ => null,
            }};
            if (priceError is not null)
            {{
                errors.Add(priceError);
            }}

            return errors.Count == 0 ? Result<Product{i}>.Success(product) : Result<Product{i}>.Failure(string.Join(""; "", errors));
        }}
    }}

    public sealed class Product{i}Service
    {{
        private readonly IProduct{i}Repository _repository;
        private readonly IClock _clock;
        private readonly EventBus _events;
        private readonly Product{i}Validator _validator = new Product{i}Validator();
        {upstreamField}

        public Product{i}Service(IProduct{i}Repository repository, IClock clock, EventBus events{upstreamParameter})
        {{
            _repository = repository;
            _clock = clock;
            _events = events;
            {upstreamAssign}
        }}

        public async Task<Result<Product{i}>> CreateAsync(string name, decimal amount, string currency, IEnumerable<Tag{i}> tags, CancellationToken cancellationToken = default)
        {{
            var product = new Product{i}(Guid.NewGuid(), name.Trim(), new Money(amount, currency), ProductStatus{i}.Draft, _clock.Now, tags.Distinct().ToList());
            var validated = _validator.Validate(product);
            if (!validated.IsSuccess)
            {{
                return validated;
            }}

            await _repository.SaveAsync(product, cancellationToken).ConfigureAwait(false);
            await _events.PublishAsync(new DomainEvent(""product{i}.created"", product.Id, _clock.Now), cancellationToken).ConfigureAwait(false);
            return validated;
        }}

        public async Task<int> RepriceAsync(Func<Product{i}, decimal> rule, CancellationToken cancellationToken = default)
        {{
            var changed = 0;
            await foreach (var product in _repository.ListAsync(new PredicateSpecification<Product{i}>(p => p.IsSellable), cancellationToken).ConfigureAwait(false))
            {{
                var amount = decimal.Round(rule(product), 2, MidpointRounding.ToEven);
                if (amount == product.Price.Amount)
                {{
                    continue;
                }}

                await _repository.SaveAsync(product.WithPrice(product.Price with {{ Amount = amount }}, _clock), cancellationToken).ConfigureAwait(false);
                changed++;
            }}

            return changed;
        }}

        public async Task<IReadOnlyDictionary<ProductStatus{i}, Money>> TotalsByStatusAsync(CancellationToken cancellationToken = default)
        {{
            var products = new List<Product{i}>();
            await foreach (var product in _repository.ListAsync(Specification<Product{i}>.All, cancellationToken).ConfigureAwait(false))
            {{
                products.Add(product);
            }}

            return products
                .GroupBy(p => p.Status)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Price).Aggregate(Money.Zero(""EUR""), (sum, price) => sum + price));
        }}

        public async Task<decimal> WithUpstreamAsync(CancellationToken cancellationToken = default)
        {{
            var own = (await TotalsByStatusAsync(cancellationToken).ConfigureAwait(false)).Values.Sum(m => m.Amount);
            var upstream = {upstreamTotal};
            return own + upstream;
        }}

        public async IAsyncEnumerable<string> DescribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {{
            await foreach (var product in _repository.ListAsync(Specification<Product{i}>.All, cancellationToken).ConfigureAwait(false))
            {{
                yield return Product{i}Report.Line(product, CultureInfo.InvariantCulture);
            }}
        }}

        public async Task<Product{i}?> ArchiveOldestAsync(TimeSpan age, CancellationToken cancellationToken = default)
        {{
            var cutoff = _clock.Now - age;
            Product{i}? oldest = null;
            await foreach (var product in _repository.ListAsync(new PredicateSpecification<Product{i}>(p => p.Updated < cutoff && p.Status != ProductStatus{i}.Archived), cancellationToken).ConfigureAwait(false))
            {{
                if (oldest is null || product.Updated < oldest.Updated)
                {{
                    oldest = product;
                }}
            }}

            if (oldest is not null)
            {{
                await _repository.SaveAsync(oldest.WithStatus(ProductStatus{i}.Archived, _clock), cancellationToken).ConfigureAwait(false);
            }}

            return oldest;
        }}
    }}

    public static class Product{i}Queries
    {{
        public static IEnumerable<Product{i}> Sellable(this IEnumerable<Product{i}> products) => products.Where(p => p.IsSellable);

        public static ILookup<string, Product{i}> ByTag(IEnumerable<Product{i}> products)
            => products.SelectMany(p => p.Tags, (p, tag) => (Product: p, tag.Key)).ToLookup(x => x.Key, x => x.Product, StringComparer.OrdinalIgnoreCase);

        public static PagedList<Product{i}> Page(IEnumerable<Product{i}> products, int page, int size)
            => products.OrderBy(p => p.Name, StringComparer.Ordinal).ThenByDescending(p => p.Updated).ToPagedList(page, size);

        public static IReadOnlyList<(ProductStatus{i} Status, int Count, decimal Average)> Summary(IEnumerable<Product{i}> products)
            => (from product in products
                group product by product.Status into byStatus
                let count = byStatus.Count()
                orderby count descending
                select (byStatus.Key, count, count == 0 ? 0m : byStatus.Average(p => p.Price.Amount))).ToList();

        public static decimal Median(IEnumerable<Product{i}> products)
        {{
            var prices = products.Select(p => p.Price.Amount).OrderBy(a => a).ToArray();
            return prices.Length switch
            {{
                0 => 0m,
                var n when n % 2 == 1 => prices[n / 2],
                var n => (prices[(n / 2) - 1] + prices[n / 2]) / 2m,
            }};
        }}

        public static IEnumerable<IReadOnlyList<Product{i}>> Batches(IEnumerable<Product{i}> products, int size) => products.Batch(size);
{farJoin}    }}

    public static class Product{i}Report
    {{
        public static string Line(Product{i} product, IFormatProvider provider)
            => string.Format(provider, ""{{0,-30}} {{1,12:N2}} {{2}} {{3:yyyy-MM-dd}} [{{4}}]"", product.Name, product.Price.Amount, product.Price.Currency, product.Updated, string.Join("", "", product.Tags));

        public static string Table(IEnumerable<Product{i}> products, CultureInfo culture)
        {{
            var builder = new StringBuilder();
            builder.AppendLine(""Name | Price | Status | Updated"");
            foreach (var (product, index) in products.Select((p, n) => (p, n)))
            {{
                builder.Append(index + 1).Append(""| "").Append(product.Name).Append("" | "")
                    .Append(product.Price.Amount.ToString(""C"", culture)).Append("" | "")
                    .Append(product.Status switch {{ ProductStatus{i}.Active => ""on sale"", ProductStatus{i}.Draft => ""draft"", _ => product.Status.ToString().ToLowerInvariant() }})
                    .Append("" | "").AppendLine(product.Updated.ToString(""u"", culture));
            }}

            return builder.ToString();
        }}

        public static string Csv(IEnumerable<Product{i}> products)
            => string.Join(Environment.NewLine, products.Select(p => string.Join(',', Escape(p.Name), p.Price.Amount.ToString(CultureInfo.InvariantCulture), p.Status, p.Id)));

        private static string Escape(string value) => value.Contains(',') || value.Contains('""') ? $""\""{{value.Replace(""\"""", ""\""\"""")}}\"""" : value;
    }}

    internal static class Product{i}Samples
    {{
        private static readonly Random Shuffle = new Random({i});
        private static readonly ConcurrentDictionary<string, Lazy<Product{i}>> Cache = new ConcurrentDictionary<string, Lazy<Product{i}>>();

        public static Product{i} Sample(string name, IClock clock)
            => Cache.GetOrAdd(name, key => new Lazy<Product{i}>(() => new Product{i}(Guid.NewGuid(), key, new Money(Shuffle.Next(1, 1000), ""EUR""), ProductStatus{i}.Active, clock.Now, new[] {{ Tag{i}.Parse(""sample=true"") }}))).Value;

        public static IEnumerable<Product{i}> Many(int count, IClock clock)
        {{
            for (var n = 0; n < count; n++)
            {{
                yield return Sample($""sample-{{n % 17}}"", clock);
            }}
        }}

        public static async Task<string> FetchDescriptionAsync(HttpClient client, Product{i} product, CancellationToken cancellationToken)
        {{
            using var response = await client.GetAsync(new Uri($""https://catalog.example/m{i}/{{product.Id}}""), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {{
                return $""{{product.Name}} (no description, {{(int)response.StatusCode}} at {{DateTime.UtcNow:O}})"";
            }}

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > 200 ? text[..200] + ""..."" : text;
        }}
    }}
}}
";
        }

        private const string Core = @"using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Commerce.Core
{
    public interface IEntity<TKey>
        where TKey : notnull
    {
        TKey Id { get; }
    }

    public interface IClock
    {
        DateTimeOffset Now { get; }
    }

    public sealed class SystemClock : IClock
    {
        public DateTimeOffset Now => DateTimeOffset.UtcNow;
    }

    public sealed record Money(decimal Amount, string Currency) : IComparable<Money>
    {
        public static Money Zero(string currency) => new Money(0m, currency);

        public static Money operator +(Money left, Money right)
            => left.Currency == right.Currency ? new Money(left.Amount + right.Amount, left.Currency) : throw new InvalidOperationException($""{left.Currency} and {right.Currency} do not add up"");

        public int CompareTo(Money? other) => other is null ? 1 : Amount.CompareTo(other.Amount);
    }

    public interface IRepository<TEntity, TKey>
        where TEntity : class, IEntity<TKey>
        where TKey : notnull
    {
        Task<TEntity?> FindAsync(TKey id, CancellationToken cancellationToken = default);

        IAsyncEnumerable<TEntity> ListAsync(Specification<TEntity> specification, CancellationToken cancellationToken = default);

        Task SaveAsync(TEntity entity, CancellationToken cancellationToken = default);

        Task<bool> RemoveAsync(TKey id, CancellationToken cancellationToken = default);
    }

    public class InMemoryRepository<TEntity, TKey> : IRepository<TEntity, TKey>
        where TEntity : class, IEntity<TKey>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TEntity> _items = new ConcurrentDictionary<TKey, TEntity>();

        public Task<TEntity?> FindAsync(TKey id, CancellationToken cancellationToken = default)
            => Task.FromResult(_items.TryGetValue(id, out var entity) ? entity : null);

        public async IAsyncEnumerable<TEntity> ListAsync(Specification<TEntity> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var entity in _items.Values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (specification.IsSatisfiedBy(entity))
                {
                    yield return entity;
                }

                await Task.Yield();
            }
        }

        public Task SaveAsync(TEntity entity, CancellationToken cancellationToken = default)
        {
            _items[entity.Id] = entity;
            return Task.CompletedTask;
        }

        public Task<bool> RemoveAsync(TKey id, CancellationToken cancellationToken = default) => Task.FromResult(_items.TryRemove(id, out _));
    }

    public abstract class Specification<T>
    {
        public static readonly Specification<T> All = new PredicateSpecification<T>(_ => true);

        public abstract bool IsSatisfiedBy(T item);

        public Specification<T> And(Specification<T> other) => new PredicateSpecification<T>(item => IsSatisfiedBy(item) && other.IsSatisfiedBy(item));

        public Specification<T> Or(Specification<T> other) => new PredicateSpecification<T>(item => IsSatisfiedBy(item) || other.IsSatisfiedBy(item));

        public Specification<T> Not() => new PredicateSpecification<T>(item => !IsSatisfiedBy(item));
    }

    public sealed class PredicateSpecification<T> : Specification<T>
    {
        private readonly Func<T, bool> _predicate;

        public PredicateSpecification(Func<T, bool> predicate) => _predicate = predicate;

        public override bool IsSatisfiedBy(T item) => _predicate(item);
    }

    public readonly struct Result<T>
    {
        private Result(T? value, string? error)
        {
            Value = value;
            Error = error;
        }

        public T? Value { get; }

        public string? Error { get; }

        public bool IsSuccess => Error is null;

        public static Result<T> Success(T value) => new Result<T>(value, null);

        public static Result<T> Failure(string error) => new Result<T>(default, error);

        public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? Result<TOut>.Success(map(Value!)) : Result<TOut>.Failure(Error!);

        public Result<TOut> Bind<TOut>(Func<T, Result<TOut>> bind) => IsSuccess ? bind(Value!) : Result<TOut>.Failure(Error!);
    }

    public sealed class PagedList<T> : IReadOnlyList<T>
    {
        private readonly IReadOnlyList<T> _items;

        public PagedList(IReadOnlyList<T> items, int page, int size, int total)
        {
            _items = items;
            Page = page;
            Size = size;
            Total = total;
        }

        public int Page { get; }

        public int Size { get; }

        public int Total { get; }

        public int Pages => Size == 0 ? 0 : (Total + Size - 1) / Size;

        public int Count => _items.Count;

        public T this[int index] => _items[index];

        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static class EnumerableExtensions
    {
        public static PagedList<T> ToPagedList<T>(this IEnumerable<T> source, int page, int size)
        {
            var all = source as IReadOnlyList<T> ?? source.ToList();
            return new PagedList<T>(all.Skip(page * size).Take(size).ToList(), page, size, all.Count);
        }

        public static IEnumerable<IReadOnlyList<T>> Batch<T>(this IEnumerable<T> source, int size)
        {
            var batch = new List<T>(size);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    yield return batch;
                    batch = new List<T>(size);
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    public sealed record DomainEvent(string Name, Guid Subject, DateTimeOffset At);

    public sealed class EventBus
    {
        private readonly ConcurrentDictionary<string, List<Func<DomainEvent, CancellationToken, Task>>> _handlers = new ConcurrentDictionary<string, List<Func<DomainEvent, CancellationToken, Task>>>();

        public void Subscribe(string name, Func<DomainEvent, CancellationToken, Task> handler)
            => _handlers.AddOrUpdate(name, _ => new List<Func<DomainEvent, CancellationToken, Task>> { handler }, (_, list) => { list.Add(handler); return list; });

        public Task PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
            => _handlers.TryGetValue(domainEvent.Name, out var handlers) ? Task.WhenAll(handlers.Select(h => h(domainEvent, cancellationToken))) : Task.CompletedTask;
    }
}
";
    }
}
