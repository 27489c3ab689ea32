using Pnx.Cli;

namespace Pnx.Tests.Access;

public sealed class FunctionProfileTests
{
    [Fact]
    public async Task TheFunctionProfileListExportsAsCsvWithTheNumberOfActiveGrants()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync("toeleider@halle.example");
        await world.GrantProfileAsync("toeleider@halle.example", AccessWorld.Halle, "Integratieambtenaar");

        var run = await world.Cli.RunExpectingAsync(ExitCodes.Done, "function-profile", "list", "--municipality", AccessWorld.Halle, "--format", "csv");

        Assert.Equal(
            "Gemeente;Functieprofiel;Rol;Actieve toegangen\r\n"
            + "23027;Coördinator vrijetijdsaanbod;municipal-offer-manager;0\r\n"
            + "23027;Functionaris gegevensbescherming;municipal-dpo;0\r\n"
            + "23027;Integratieambtenaar;municipal-case-worker;1\r\n",
            run.Out);
    }

    [Fact]
    public async Task TheFunctionProfileTableListsOnlyThatMunicipality()
    {
        await using var world = await AccessWorld.CreateAsync();
        await world.AddProfileAsync(AccessWorld.Halle, "Integratieambtenaar", "municipal-case-worker");
        await world.AddProfileAsync(AccessWorld.Vilvoorde, "Toeleider", "municipal-case-worker");
        var run = await world.Cli.RunExpectingAsync(ExitCodes.Done, "function-profile", "list", "--municipality", AccessWorld.Vilvoorde);
        Assert.Contains("Toeleider", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Integratieambtenaar", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfileNameIsUniquePerMunicipalityAndMapsToAMunicipalRole()
    {
        await using var world = await AccessWorld.CreateAsync();
        await world.AddProfileAsync(AccessWorld.Halle, "Integratieambtenaar", "municipal-case-worker");
        await world.AddProfileAsync(AccessWorld.Vilvoorde, "Integratieambtenaar", "municipal-case-worker");
        await world.Cli.RunExpectingAsync(ExitCodes.Refused, "function-profile", "add", "--municipality", AccessWorld.Halle, "--name", "Integratieambtenaar", "--role", "municipal-dpo");
        await world.Cli.RunExpectingAsync(ExitCodes.Rejected, "function-profile", "add", "--municipality", AccessWorld.Halle, "--name", "Directeur", "--role", "agency-dpo");
        await world.Cli.RunExpectingAsync(ExitCodes.Rejected, "function-profile", "add", "--municipality", "99999", "--name", "X", "--role", "municipal-dpo");
    }
}
