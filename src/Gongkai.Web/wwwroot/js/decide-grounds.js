// 答复 form: list only the grounds that apply to the chosen outcome (the server checks the same).
document.addEventListener('DOMContentLoaded', () => {
  const outcome = document.getElementById('de-outcome');
  const ground = document.getElementById('de-ground');
  if (!outcome || !ground) {
    return;
  }

  const sync = () => {
    let first = null;
    for (const option of ground.querySelectorAll('option[data-outcomes]')) {
      const fits = outcome.value !== '' && option.dataset.outcomes.split(' ').includes(outcome.value);
      option.hidden = !fits;
      option.disabled = !fits;
      if (fits && first === null) {
        first = option;
      }
    }

    const current = ground.selectedOptions[0];
    if (!current || current.disabled || current.value === '') {
      ground.value = first ? first.value : '';
    }
  };

  outcome.addEventListener('change', sync);
  sync();
});
